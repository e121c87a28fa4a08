import { describe, expect, it } from "vitest";
import { groupSize } from "@/lib/delivery/digest";
import { paceRules } from "@/lib/delivery/pacing";
import type { MessengerId } from "@/lib/messengers/ids";
import { useTempDatabase } from "../test/temp-db";
import { acceptAlert } from "./alerts";
import { claimDueGroups, failOrphanedDeliveries, settleGroup } from "./deliveries";
import { deleteDestination, discardPendingDeliveries, insertDestination, setDestinationEnabled, updateDestination } from "./destinations";

// Every way of failing a destination's waiting alerts, on a real SQLite file: one transaction
// with the change that causes it, a history row that says why, and never a delivery that a
// sender holds at that moment.

const NOW = Date.now();

function slack() {
  return insertDestination({
    messenger: "slack",
    name: "slack",
    webhookUrl: "https://hooks.slack.com/services/T1/B1/a",
    channel: null,
    topic: null,
    enabled: true,
    allowPrivateNetwork: false,
  });
}

const accept = (destination: { id: string; messenger: MessengerId }, now: number) =>
  acceptAlert({
    event: "message.submitted",
    payload: "{}",
    skipped: false,
    apiKeyId: null,
    destinations: [destination],
    idempotencyKey: null,
    now,
  }).accepted.deliveries[0].id;

const claim = (now: number) => claimDueGroups(now, { leaseMs: 60_000, maxGroups: 10, perGroup: 500, pace: paceRules, groupSize });

const ways: [string, (id: string) => unknown, string][] = [
  ["사용 off", (id) => setDestinationEnabled(id, false), "destination_disabled"],
  [
    "saving the form switched off",
    (id) => updateDestination(id, { name: "slack", channel: null, topic: null, enabled: false, allowPrivateNetwork: false }),
    "destination_disabled",
  ],
  ["삭제", (id) => deleteDestination(id), "destination_deleted"],
  ["대기 알림 버리기", (id) => discardPendingDeliveries(id), "discarded"],
];

describe("failing a destination's pending deliveries", () => {
  const db = useTempDatabase();
  const rows = () =>
    db()
      .$client.prepare(
        "select id, status, attempts, last_code as code, lease_until is not null as leased from deliveries order by created_at",
      )
      .all() as {
      id: string;
      status: string;
      attempts: number;
      code: string | null;
      leased: number;
    }[];
  const history = (id: string) =>
    db().$client.prepare("select outcome, code, message from delivery_attempts where delivery_id = ?").all(id);

  it.each(ways)("%s fails what waits, says why, and leaves the delivery being sent to its sender", (_, act, code) => {
    const destination = slack();
    const sending = accept(destination, NOW - 10);
    expect(claim(NOW - 5)).toHaveLength(1); // a worker holds it and is sending it now
    const waiting = [accept(destination, NOW - 4), accept(destination, NOW - 3)];

    act(destination.id);

    expect(rows()).toEqual([
      { id: sending, status: "pending", attempts: 0, code: null, leased: 1 },
      ...waiting.map((id) => ({ id, status: "failed", attempts: 1, code, leased: 0 })),
    ]);
    for (const id of waiting) expect(history(id)).toEqual([{ outcome: "permanent", code, message: expect.any(String) }]);
    expect(history(sending)).toEqual([]);

    // The sender's answer settles its delivery as it would have; nothing was decided behind it.
    settleGroup({
      destinationId: destination.id,
      deliveryIds: [sending],
      digestId: null,
      at: NOW,
      outcome: "delivered",
      httpStatus: 200,
      code: null,
      message: null,
      bodySnippet: null,
      latencyMs: 5,
      failed: [],
      paceTat: null,
      pause: null,
      failureCode: null,
    });
    expect(rows()[0]).toMatchObject({ status: "delivered", attempts: 1 });
    expect(history(sending)).toEqual([{ outcome: "delivered", code: null, message: null }]);
  });

  it.each(ways.filter(([, , code]) => code !== "discarded"))(
    "%s is one transaction with the change: if the change fails, the queue is untouched",
    (_, act) => {
      const destination = slack();
      accept(destination, NOW - 10);
      // A write that fails (a full disk, a constraint): here, a trigger that refuses it.
      db().$client.exec(`
      create trigger refuse_update before update on destinations begin select raise(abort, 'refused'); end;
      create trigger refuse_delete before delete on destinations begin select raise(abort, 'refused'); end;`);
      expect(() => act(destination.id)).toThrow("refused");
      expect(rows()).toMatchObject([{ status: "pending", attempts: 0 }]);
    },
  );

  it.each(ways.filter(([, , code]) => code !== "discarded"))("%s does not happen when failing the queue fails", (_, act) => {
    const destination = slack();
    accept(destination, NOW - 10);
    db().$client.exec(`create trigger refuse before insert on delivery_attempts begin select raise(abort, 'refused'); end;`);
    expect(() => act(destination.id)).toThrow("refused");
    expect(db().$client.prepare("select enabled from destinations").all()).toEqual([{ enabled: 1 }]);
    expect(rows()).toMatchObject([{ status: "pending" }]);
  });

  it("the orphan sweep fails the queues of destinations that are gone or off, the same way, and no other", () => {
    const [gone, off, on] = [slack(), slack(), slack()];
    const ids = { gone: accept(gone, NOW - 10), off: accept(off, NOW - 10), on: accept(on, NOW - 10) };
    // As an older version or a hand edit would leave them: no transaction failed their queues.
    db().$client.prepare("delete from destinations where id = ?").run(gone.id);
    db().$client.prepare("update destinations set enabled = 0 where id = ?").run(off.id);

    expect(failOrphanedDeliveries(NOW)).toBe(2);
    expect(history(ids.gone)).toEqual([{ outcome: "permanent", code: "destination_deleted", message: "the destination was deleted" }]);
    expect(history(ids.off)).toEqual([{ outcome: "permanent", code: "destination_disabled", message: "the destination was turned off" }]);
    expect(history(ids.on)).toEqual([]);
    expect(
      rows()
        .map((r) => r.status)
        .sort(),
    ).toEqual(["failed", "failed", "pending"]);
    expect(failOrphanedDeliveries(NOW)).toBe(0);
  });

  it("the orphan sweep leaves a delivery that a sender holds, and fails it once the sender hands it back pending", () => {
    const destination = slack();
    const id = accept(destination, NOW - 10);
    claim(NOW - 5);
    setDestinationEnabled(destination.id, false);
    expect(failOrphanedDeliveries(NOW)).toBe(0);
    // The messenger answered 503: the delivery goes back to waiting, for a destination that is off.
    settleGroup({
      destinationId: destination.id,
      deliveryIds: [id],
      digestId: null,
      at: NOW,
      outcome: "retry",
      httpStatus: 503,
      code: null,
      message: null,
      bodySnippet: null,
      latencyMs: 5,
      failed: [],
      paceTat: NOW + 5_000,
      pause: null,
      failureCode: "http_503",
    });
    expect(failOrphanedDeliveries(NOW + 1)).toBe(1);
    expect(rows()).toMatchObject([{ status: "failed", attempts: 2, code: "destination_disabled" }]);
  });
});
