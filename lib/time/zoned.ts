// Wall-clock arithmetic in an IANA time zone without a date library: Intl knows every zone's
// offsets (daylight saving included), and this turns them into epoch milliseconds and back.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock time in `timeZone` at the instant `ms`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour, minute: out.minute, second: out.second };
}

/** The zone's offset from UTC at the instant `ms`, in milliseconds (Asia/Seoul: +9 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in `timeZone`. A time skipped by a daylight-saving jump
 * resolves to the instant after the jump; a repeated one to its first occurrence.
 */
export function zonedTimeToMs(w: Omit<WallClock, "second"> & { second?: number }, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
  // Zones change offset at most once around a given day: the offsets a day either side are
  // the only candidates. A candidate that reads back as the same wall time is a real occurrence.
  const before = zoneOffsetMs(asUtc - 86_400_000, timeZone);
  const after = zoneOffsetMs(asUtc + 86_400_000, timeZone);
  const real = [asUtc - before, asUtc - after].filter((ms) => wallMatches(ms, w, timeZone));
  return real.length > 0 ? Math.min(...real) : asUtc - before;
}

function wallMatches(ms: number, w: Omit<WallClock, "second">, timeZone: string): boolean {
  const got = wallClock(ms, timeZone);
  return got.year === w.year && got.month === w.month && got.day === w.day && got.hour === w.hour && got.minute === w.minute;
}

/** Midnight at the start of a `YYYY-MM-DD` day in `timeZone` (plus `plusDays` days), or undefined for a bad date. */
export function zonedDayStart(date: string, timeZone: string, plusDays = 0): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const shifted = new Date(Date.UTC(year, month - 1, day + plusDays));
  return zonedTimeToMs(
    { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: 0, minute: 0 },
    timeZone,
  );
}

/** `2026-11-28 09:05:03`: the wall clock in `timeZone`, sortable, 24-hour, the same in every language. */
export function formatWallClock(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}
