import { describe, expect, it } from "vitest";
import { csvCell, csvLine, csvTime } from "./csv";

describe("발송 기록 CSV", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvLine(["홍길동", "a,b", 'say "hi"', "two\nlines", 3, null])).toBe('홍길동,"a,b","say ""hi""","two\nlines",3,\r\n');
  });

  it("keeps a formula typed by a customer from running in a spreadsheet", () => {
    for (const hostile of ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      const cell = csvCell(hostile);
      expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
    }
    expect(csvCell(-5)).toBe("-5"); // numbers of ours are not text a customer typed
  });

  it("writes times in the workspace zone, 24-hour", () => {
    expect(csvTime(Date.parse("2026-11-28T05:05:03Z"), "Asia/Seoul")).toBe("2026-11-28 14:05:03");
    expect(csvTime(Date.parse("2026-07-01T15:00:00Z"), "America/New_York")).toBe("2026-07-01 11:00:00");
  });
});
