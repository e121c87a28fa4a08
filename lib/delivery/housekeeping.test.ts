import { describe, expect, it } from "vitest";
import { acceptAlert } from "@/db/queries/alerts";
import { insertDestination } from "@/db/queries/destinations";
import { useTempDatabase } from "@/db/test/temp-db";
import type { MessengerId } from "@/lib/messengers/ids";
import { Housekeeping, retentionCutoff } from "./housekeeping";

const DAY = 86_400_000;
const NOW = 100 * DAY;

describe("housekeeping", () => {
  const db = useTempDatabase();
  const count = (table: string) => (db().$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

  function agit() {
    return insertDestination({
      messenger: "agit",
      name: "agit",
      webhookUrl: "https://agit.io/webhook/x",
      channel: null,
      topic: null,
      enabled: true,
      allowPrivateNetwork: false,
    });
  }
  const accept = (destination: { id: string; messenger: MessengerId }, now: number, key: string | null = null) =>
    acceptAlert({
      event: "message.submitted",
      payload: "{}",
      skipped: false,
      apiKeyId: null,
      destinations: [destination],
      idempotencyKey: key,
      now,
    });

  it("keeps ALERTS_RETENTION_DAYS of alerts", () => {
    expect(retentionCutoff(NOW, 30)).toBe(NOW - 30 * DAY);
  });

  it("prunes old alerts (with their deliveries) and idempotency keys once an hour", () => {
    const destination = agit();
    accept(destination, NOW - 31 * DAY, "key:old");
    accept(destination, NOW - 29 * DAY, "key:recent");
    const chores = new Housekeeping(() => 30);
    chores.runIfDue(NOW);
    expect(count("alerts")).toBe(1);
    expect(count("deliveries")).toBe(1);
    expect(count("idempotency_keys")).toBe(0); // both older than 24 h

    accept(destination, NOW - 40 * DAY);
    chores.runIfDue(NOW + 3_599_999);
    expect(count("alerts")).toBe(2);
    chores.runIfDue(NOW + 3_600_000);
    expect(count("alerts")).toBe(1);
  });

  it("sweeps the queues of destinations switched off behind its back once a minute", () => {
    const destination = agit();
    const chores = new Housekeeping(() => 30);
    chores.runIfDue(NOW);
    accept(destination, NOW);
    db().$client.prepare("update destinations set enabled = 0").run();
    chores.runIfDue(NOW + 59_999);
    expect(db().$client.prepare("select status from deliveries").get()).toEqual({ status: "pending" });
    chores.runIfDue(NOW + 60_000);
    expect(db().$client.prepare("select status, last_code from deliveries").get()).toEqual({
      status: "failed",
      last_code: "destination_disabled",
    });
  });
});
