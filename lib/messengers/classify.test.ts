import { describe, expect, it } from "vitest";
import { bodyAsMessage, classifyResponse, parseJson, parseRetryAfter, RETRY_AFTER_MAX_LENGTH, statusKind } from "./classify";

const NOW = Date.parse("2026-11-23T03:00:00Z");
const res = (status: number, body = "", headers: Record<string, string> = {}) => ({ status, body, headers });
const noDetail = () => ({});

describe("statusKind", () => {
  it.each([200, 201, 202, 204, 299])("%i is delivered", (status) => expect(statusKind(status)).toBe("delivered"));
  it.each([408, 425, 429, 500, 501, 502, 503, 504, 599])("%i is retried", (status) => expect(statusKind(status)).toBe("retry"));
  it.each([300, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 451, 499, 100, 600])(
    "%i is permanent",
    (status) => expect(statusKind(status)).toBe("permanent"),
  );
});

describe("parseRetryAfter", () => {
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("30", NOW)).toBe(30_000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
  });

  it("reads an IMF-fixdate, an RFC 850 date and an asctime date relative to now", () => {
    expect(parseRetryAfter("Mon, 23 Nov 2026 03:00:05 GMT", NOW)).toBe(5_000);
    expect(parseRetryAfter("Monday, 23-Nov-26 03:01:00 GMT", NOW)).toBe(60_000);
    expect(parseRetryAfter("Mon Nov 23 03:00:10 2026", NOW)).toBe(10_000);
  });

  it("turns a date in the past into no delay", () => {
    expect(parseRetryAfter("Sun, 22 Nov 2026 03:00:00 GMT", NOW)).toBe(0);
  });

  it.each([
    undefined,
    "",
    "  ",
    "soon",
    "-5",
    "1.5",
    "5s",
    "abc 12",
    "1e3",
    "0x10",
    "Mon, garbage",
    "Mon, 1",
    "Mon, 23 Nov 2026 03:00:05 +0900",
    "Fooday, 23 Nov 2026 03:00:05 GMT",
    "9".repeat(400),
  ])("ignores %j", (value) => expect(parseRetryAfter(value, NOW)).toBeUndefined());
});

describe("a hostile Retry-After", () => {
  // A run of spaces made the date pattern backtrack quadratically: 100 kB took many seconds.
  const hostile = [
    `Mon,${" ".repeat(100_000)}!`,
    `Mon, ${"1 ".repeat(50_000)}00:00:00 GMT!`,
    `${" ".repeat(50_000)}Mon, 23 Nov 2026 03:00:05 GMT${" ".repeat(50_000)}x`,
    "1".repeat(100_000),
  ];

  it.each(hostile.map((value) => [value.length, value]))("of %i characters is ignored, quickly", (_, value) => {
    const started = performance.now();
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
    expect(classifyResponse(res(429, "", { "retry-after": value }), NOW, noDetail)).toEqual({ kind: "retry", status: 429 });
    // Generous: linear work takes well under a millisecond; the quadratic pattern took seconds.
    expect(performance.now() - started).toBeLessThan(250);
  });

  it("is bounded by length before any pattern, leaving every valid form well inside the bound", () => {
    expect("Wednesday, 25-Nov-26 03:00:05 GMT".length).toBeLessThan(RETRY_AFTER_MAX_LENGTH);
    expect(parseRetryAfter("Wednesday, 25-Nov-26 03:00:05 GMT", NOW)).toBe(2 * 86_400_000 + 5_000);
    expect(parseRetryAfter(` ${"Mon, 23 Nov 2026 03:00:05 GMT"} `, NOW)).toBe(5_000);
    expect(parseRetryAfter("Mon,  23 Nov 2026 03:00:05 GMT".padEnd(RETRY_AFTER_MAX_LENGTH + 1, "x"), NOW)).toBeUndefined();
  });
});

describe("classifyResponse", () => {
  it("delivered carries only the status, without reading the body", () => {
    expect(classifyResponse(res(200, "ok"), NOW, () => ({ code: "never" }))).toEqual({ kind: "delivered", status: 200 });
  });

  it("retry keeps the messenger's detail and honours Retry-After", () => {
    expect(classifyResponse(res(429, "", { "retry-after": "7" }), NOW, () => ({ code: "rate_limited" }))).toEqual({
      kind: "retry",
      status: 429,
      retryAfterMs: 7_000,
      code: "rate_limited",
    });
    expect(classifyResponse(res(503, "", { "retry-after": "Mon, 23 Nov 2026 03:00:02 GMT" }), NOW, noDetail)).toEqual({
      kind: "retry",
      status: 503,
      retryAfterMs: 2_000,
    });
  });

  it("retry without a usable Retry-After has no retryAfterMs", () => {
    expect(classifyResponse(res(502, "", { "retry-after": "later" }), NOW, noDetail)).toEqual({ kind: "retry", status: 502 });
  });

  it("permanent keeps the messenger's code and message and ignores Retry-After", () => {
    expect(classifyResponse(res(404, "x", { "retry-after": "5" }), NOW, () => ({ code: "no_service", message: "m" }))).toEqual({
      kind: "permanent",
      status: 404,
      code: "no_service",
      message: "m",
    });
  });

  it("a redirect is permanent: redirects are never followed", () => {
    expect(classifyResponse(res(301, "", { location: "https://elsewhere" }), NOW, noDetail)).toEqual({ kind: "permanent", status: 301 });
    expect(classifyResponse(res(302, ""), NOW, noDetail)).toEqual({ kind: "permanent", status: 302 });
  });
});

describe("helpers", () => {
  it("parseJson accepts only a JSON object", () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson("[1]")).toBeUndefined();
    expect(parseJson("null")).toBeUndefined();
    expect(parseJson("ok")).toBeUndefined();
  });

  it("bodyAsMessage keeps the first 500 characters of a trimmed body, and nothing for an empty one", () => {
    expect(bodyAsMessage(res(400, ` ${"가".repeat(800)} `))).toEqual({ message: "가".repeat(500) });
    expect(bodyAsMessage(res(400, "  "))).toEqual({});
    expect(bodyAsMessage(res(400, "😀".repeat(600))).message).toBe("😀".repeat(500));
  });
});
