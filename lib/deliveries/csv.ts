import { formatWallClock } from "@/lib/time/zoned";

// 발송 기록 as CSV for Excel and Google Sheets. UTF-8 with a BOM, because Excel otherwise reads
// the file as the legacy code page and shows Hangul as mojibake; CRLF line ends (RFC 4180).

export const CSV_BOM = "\uFEFF";

/**
 * One quoted cell. Customer names and messages come from the public: a cell that starts like a
 * formula (= + - @, or a tab/CR that spreadsheets strip first) would run as one when the file is
 * opened, so it is prefixed with an apostrophe, which spreadsheets show as text.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** `2026-11-28 09:05:03` in the given zone: sortable, and read as a date by spreadsheets. */
export const csvTime = formatWallClock;
