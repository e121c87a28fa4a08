import { type Db, getDb, inImmediateTransaction } from "../client";
import { prepared } from "../prepared";

export type PendingFailure = "destination_disabled" | "destination_deleted" | "discarded";

const MESSAGES: Record<PendingFailure, string> = {
  destination_disabled: "the destination was turned off",
  destination_deleted: "the destination was deleted",
  discarded: "discarded by an admin",
};

/**
 * The one way to fail a destination's waiting alerts — switched off, deleted, 대기 알림 버리기,
 * and the orphan sweep all come here. Every pending delivery that no sender holds gets a
 * history row saying why and ends as failed. A delivery leased by a sending worker is left to
 * that worker's settlement: failing it here would race the send (the messenger may already
 * have it). Both statements pick the same rows inside one IMMEDIATE transaction (a savepoint
 * inside the caller's, which then commits it with its own change), so nothing is half-settled.
 */
export function failPendingDeliveries(destinationId: string, reason: PendingFailure, now: number): number {
  const q = statements(getDb());
  const params = { destinationId, code: reason, message: MESSAGES[reason], now };
  return inImmediateTransaction(() => {
    q.record.run(params);
    return q.fail.run(params).changes;
  });
}

// "Waiting and held by no sender", the same words in both statements.
const WAITING = `destination_id = @destinationId and status = 'pending' and (lease_until is null or lease_until <= @now)`;

function statements(db: Db) {
  return prepared(db, "failPendingDeliveries", (db) => ({
    record: db.$client.prepare(
      `insert into delivery_attempts (delivery_id, at, outcome, code, message, latency_ms)
       select id, @now, 'permanent', @code, @message, 0 from deliveries where ${WAITING}`,
    ),
    fail: db.$client.prepare(
      `update deliveries set status = 'failed', attempts = attempts + 1, last_code = @code, last_message = @message, lease_until = null
       where ${WAITING}`,
    ),
  }));
}
