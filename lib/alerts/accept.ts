import { deliveryWorker } from "@/lib/delivery/worker";
import { type AcceptResult, acceptBatch, type BatchItem } from "./accept-batch";
import type { InquiryAlert } from "./types";

export type { AcceptResult } from "./accept-batch";

interface Waiting extends BatchItem {
  resolve(result: AcceptResult): void;
  reject(error: unknown): void;
}

// Group commit: alerts that arrive in the same turn of the event loop are stored in one
// transaction, so a burst pays for one commit (one WAL write) instead of one per alert. Each
// alert still has its own savepoint and each caller gets its answer only after the commit:
// a 202 always means the alert is on disk. A lone alert waits for nothing but setImmediate.
let waiting: Waiting[] = [];

/**
 * Stores an inquiry alert with one delivery per enabled destination (or as skipped when its
 * 상담 안내 switch is off), then wakes the worker. Resolves with what the API answers.
 */
export function acceptInquiry(
  alert: InquiryAlert,
  opts: { apiKeyId: number | null; idempotencyKey: string | null },
): Promise<AcceptResult> {
  return new Promise((resolve, reject) => {
    waiting.push({ alert, ...opts, resolve, reject });
    if (waiting.length === 1) setImmediate(flush);
  });
}

function flush(): void {
  const batch = waiting;
  waiting = [];
  let outcome: ReturnType<typeof acceptBatch>;
  try {
    outcome = acceptBatch(batch);
  } catch (error) {
    // The commit itself failed (e.g. the disk is full): nothing of the batch was stored.
    for (const w of batch) w.reject(error);
    return;
  }
  batch.forEach((w, i) => {
    const result = outcome.results[i];
    if ("error" in result) w.reject(result.error);
    else w.resolve(result);
  });
  if (outcome.dueAt !== null) deliveryWorker().wake(outcome.dueAt);
}
