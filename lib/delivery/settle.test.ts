import { describe, expect, it } from "vitest";
import type { MessengerId } from "@/lib/messengers/ids";
import type { Outcome } from "@/lib/messengers/types";
import { paceAllowedAt } from "./pacing";
import { type SettleInput, settleAttempt } from "./settle";

const AT = 1_000_000_000;
const HOUR = 3_600_000;
const MAX_AGE = 24 * HOUR;

const input = (o: Partial<SettleInput> & { outcome: Outcome }): SettleInput => ({
  httpStatus: o.outcome.kind === "retry" || o.outcome.kind === "permanent" ? (o.outcome.status ?? null) : 200,
  at: AT,
  messenger: "agit",
  destination: { paceTat: AT - 500, consecutiveFailures: 0, firstFailureAt: null },
  deliveries: [{ id: "d1", createdAt: AT - 10_000 }],
  policy: { maxRetryAgeMs: MAX_AGE, retryScale: 1, random: () => 0.5 },
  ...o,
});

describe("settling a delivered attempt", () => {
  it.each<[MessengerId, number, number]>([
    // Slack (one at a time) counts its interval from the answer; a burst pace keeps the claim's.
    ["slack", AT - 500, AT + 1_050],
    ["slack", AT + 5_000, AT + 5_000],
    ["agit", AT - 500, AT - 500],
    ["mattermost", AT + 300, AT + 300],
  ])("%s with its pace at %i moves it to %i", (messenger, paceTat, expected) => {
    const s = settleAttempt(
      input({
        outcome: { kind: "delivered", status: 200 },
        messenger,
        destination: { paceTat, consecutiveFailures: 3, firstFailureAt: AT - HOUR },
      }),
    );
    expect(s).toEqual({ failed: [], retryAt: null, paceTat: expected, pause: null, failureCode: null, reason: "" });
  });
});

describe("a messenger's own quiet time after a delivered post", () => {
  it("Discord's empty bucket (X-RateLimit-Reset-After) holds the next send back that long", () => {
    const s = settleAttempt(input({ outcome: { kind: "delivered", status: 200, quietMs: 1_500 }, messenger: "discord" }));
    expect(paceAllowedAt("discord", s.paceTat)).toBe(AT + 1_500);
    const none = settleAttempt(input({ outcome: { kind: "delivered", status: 200 }, messenger: "discord" }));
    expect(none.paceTat).toBe(AT - 500);
  });
});

describe("settling a retry", () => {
  it.each<[string, Partial<SettleInput> & { outcome: Outcome }, number]>([
    ["the schedule's first step (5 s)", { outcome: { kind: "retry", status: 503 } }, AT + 5_000],
    [
      "the schedule's third step (2 min) after two failures",
      { outcome: { kind: "retry", status: 503 }, destination: { paceTat: AT, consecutiveFailures: 2, firstFailureAt: AT - 60_000 } },
      AT + 120_000,
    ],
    ["Retry-After (3 s)", { outcome: { kind: "retry", status: 429, retryAfterMs: 3_000 } }, AT + 3_000],
    ["Retry-After clamped to at least 1 s", { outcome: { kind: "retry", status: 429, retryAfterMs: 0 } }, AT + 1_000],
    ["Retry-After clamped to at most 1 h", { outcome: { kind: "retry", status: 429, retryAfterMs: 10 * HOUR } }, AT + HOUR],
    [
      "the schedule shrunk by ALERTS_RETRY_SCALE",
      { outcome: { kind: "retry", status: 503 }, policy: { maxRetryAgeMs: MAX_AGE, retryScale: 0.01, random: () => 0.5 } },
      AT + 50,
    ],
    [
      "the pace, when it allows a send only later",
      {
        outcome: { kind: "retry", status: 429, retryAfterMs: 1_000 },
        destination: { paceTat: AT + 60_000, consecutiveFailures: 0, firstFailureAt: null },
      },
      paceAllowedAt("agit", AT + 60_000),
    ],
  ])("waits for %s", (_, o, retryAt) => {
    const s = settleAttempt(input(o));
    expect(s.retryAt).toBe(retryAt);
    expect(s.failed).toEqual([]);
    expect(s.pause).toBeNull();
    // Stored as the destination's pace, so that no burst allowance brings the retry forward.
    expect(paceAllowedAt("agit", s.paceTat)).toBe(retryAt);
  });

  it("keeps Slack's interval from the answer even after a short Retry-After", () => {
    const s = settleAttempt(input({ messenger: "slack", outcome: { kind: "retry", status: 429, retryAfterMs: 1 } }));
    expect(s.retryAt).toBe(AT + 1_000);
    expect(s.paceTat).toBe(AT + 1_050);
  });

  it("gives up on exactly the deliveries whose next try would come at or past the max age", () => {
    const deliveries = [
      { id: "old", createdAt: AT - MAX_AGE - 1 },
      { id: "due", createdAt: AT + HOUR - MAX_AGE },
      { id: "young", createdAt: AT + HOUR - MAX_AGE + 1 },
    ];
    // An hour's backoff: "due" would be tried exactly max-age old, so it fails now; "young" not yet.
    const s = settleAttempt(
      input({
        outcome: { kind: "retry", status: 503 },
        deliveries,
        destination: { paceTat: AT, consecutiveFailures: 10, firstFailureAt: AT - HOUR },
      }),
    );
    expect(s.failed).toEqual(["old", "due"]);
    expect(s.retryAt).toBe(AT + HOUR);
  });

  it.each<[string, number | null, Outcome, { code: string } | null]>([
    ["a destination failing for less than the max age keeps trying", AT - MAX_AGE + 1, { kind: "retry", status: 503 }, null],
    [
      "one failing for the max age pauses, with the messenger's code",
      AT - MAX_AGE,
      { kind: "retry", status: 429, code: "rate_limited" },
      { code: "rate_limited" },
    ],
    ["or with 'failing' when the messenger gave none", AT - 2 * MAX_AGE, { kind: "retry", status: 503 }, { code: "failing" }],
    ["its first failure never pauses it", null, { kind: "retry", status: 503 }, null],
  ])("%s", (_, firstFailureAt, outcome, pause) => {
    const s = settleAttempt(input({ outcome, destination: { paceTat: AT, consecutiveFailures: 5, firstFailureAt } }));
    expect(s.pause === null ? null : { code: s.pause.code }).toEqual(pause);
  });

  it("uses the same max age, scaled, for giving up and for pausing", () => {
    const policy = { maxRetryAgeMs: 864_000, retryScale: 0.01, random: () => 0.5 }; // 24 h × 0.01
    const s = settleAttempt(
      input({
        outcome: { kind: "retry", status: 503 },
        policy,
        deliveries: [{ id: "d1", createdAt: AT - 864_000 }],
        destination: { paceTat: AT, consecutiveFailures: 9, firstFailureAt: AT - 864_000 },
      }),
    );
    expect(s.failed).toEqual(["d1"]);
    expect(s.pause?.code).toBe("failing");
  });
});

describe("settling a permanent failure", () => {
  it.each<[string, Outcome, number | null, { code: string } | null, string]>([
    [
      "a refused payload fails the alerts only",
      { kind: "permanent", status: 400, code: "invalid_payload", message: "bad" },
      400,
      null,
      "invalid_payload",
    ],
    ["a revoked webhook pauses", { kind: "permanent", status: 404, code: "no_service" }, 404, { code: "no_service" }, "no_service"],
    ["a 410 without a code pauses as http_410", { kind: "permanent", status: 410 }, 410, { code: "http_410" }, "http_410"],
    ["a redirect pauses", { kind: "permanent", status: 301 }, 301, { code: "http_301" }, "http_301"],
    [
      "a blocked address pauses",
      { kind: "permanent", status: 0, code: "blocked_address" },
      null,
      { code: "blocked_address" },
      "blocked_address",
    ],
  ])("%s", (_, outcome, httpStatus, pause, failureCode) => {
    const deliveries = [
      { id: "a", createdAt: AT },
      { id: "b", createdAt: AT - 1 },
    ];
    const s = settleAttempt(input({ outcome, httpStatus, deliveries }));
    expect(s.failed).toEqual(["a", "b"]);
    expect(s.retryAt).toBeNull();
    expect(s.pause === null ? null : { code: s.pause.code }).toEqual(pause);
    expect(s.failureCode).toBe(failureCode);
  });

  it("counts Slack's pace from the answer, as a success does", () => {
    // Before, only success and retry did: a refused alert let the next one go within 1.05 s.
    const s = settleAttempt(
      input({
        messenger: "slack",
        outcome: { kind: "permanent", status: 400, code: "invalid_payload" },
        destination: { paceTat: AT - 500, consecutiveFailures: 0, firstFailureAt: null },
      }),
    );
    expect(s.paceTat).toBe(AT + 1_050);
  });
});

describe("the failure code and reason", () => {
  it.each<[Outcome, number | null, string, string]>([
    [{ kind: "retry", code: "timeout", message: "no answer in 10 s" }, null, "timeout", "timeout · no answer in 10 s"],
    [{ kind: "retry" }, null, "network", ""],
    [{ kind: "retry", status: 502 }, 502, "http_502", "HTTP 502"],
    [
      { kind: "permanent", status: 403, code: "invalid_token", message: "token revoked" },
      403,
      "invalid_token",
      "HTTP 403 · invalid_token · token revoked",
    ],
  ])("%j with HTTP %s reads %s", (outcome, httpStatus, failureCode, reason) => {
    const s = settleAttempt(input({ outcome, httpStatus }));
    expect(s.failureCode).toBe(failureCode);
    expect(s.reason).toBe(reason);
  });
});
