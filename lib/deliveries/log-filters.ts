import type { LogFilters } from "@/db/queries/delivery-log";
import { isMessengerId } from "@/lib/messengers/ids";
import { zonedDayStart } from "@/lib/time/zoned";

// The 발송 기록 filters as they travel in the URL (?messenger=&destination=&status=&from=&to=),
// shared by the page and its CSV export so both always show the same rows.

export type LogSearch = { messenger?: string; destination?: string; status?: string; from?: string; to?: string; before?: string };
export const LOG_STATUSES = ["pending", "delivered", "failed"] as const;

export function parseLogFilters(s: LogSearch, timeZone: string): LogFilters {
  // Dates are picked in the workspace's zone (상담 안내 › 시간대) and compared as epoch ms.
  const dayStart = (value: string | undefined, plusDays = 0) => (value ? zonedDayStart(value, timeZone, plusDays) : undefined);
  const before = /^(\d{1,15}):([\w-]{1,40})$/.exec(s.before ?? "");
  const from = dayStart(s.from);
  const to = dayStart(s.to, 1);
  return {
    ...(isMessengerId(s.messenger) ? { messenger: s.messenger } : {}),
    ...(s.destination && s.destination.length <= 64 ? { destinationId: s.destination } : {}),
    ...((LOG_STATUSES as readonly string[]).includes(s.status ?? "") ? { status: s.status as LogFilters["status"] } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(before ? { before: { createdAt: Number(before[1]), id: before[2] } } : {}),
  };
}
