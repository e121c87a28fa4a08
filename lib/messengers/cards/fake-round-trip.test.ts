import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXAMPLE_PATHS, type FakeMessenger, type NamedError, startFakeMessenger } from "@/e2e/fake-messenger/server";
import type { Alert } from "@/lib/alerts/types";
import { pausesDestination } from "@/lib/delivery/health";
import { messengers } from "../registry";
import { CTX, inquiry, testAlert } from "../test/fixtures";
import type { Outcome } from "../types";
import { digestOf, HOSTILE_MESSAGE, richInquiry } from "./test-fixtures";

// A real HTTP round trip on 127.0.0.1 against the project's fake messenger, which answers as
// docs/messengers.md says: each adapter's request is accepted (so the wire format matches the
// docs), and each answer the fake can give is classified, hinted and paused as the definitions say.

type Card = "teams" | "googlechat" | "discord" | "dooray";
const CARDS: Card[] = ["teams", "googlechat", "discord", "dooray"];

let fake: FakeMessenger;
beforeAll(async () => {
  fake = await startFakeMessenger({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** Build, send exactly what the adapter built, read the answer as lib/delivery would, classify. */
async function send(kind: Card, alert: Alert): Promise<Outcome> {
  const { adapter } = messengers[kind];
  const req = adapter.buildRequest(alert, { name: "CS", webhookUrl: `${fake.url}${EXAMPLE_PATHS[kind]}` }, CTX);
  const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: "manual" });
  const headers = Object.fromEntries([...res.headers].map(([k, v]) => [k.toLowerCase(), v]));
  return adapter.classify({ status: res.status, headers, body: await res.text() }, Date.now());
}

const ALERTS: [string, Alert][] = [
  ["inquiry", richInquiry()],
  ["hostile inquiry", inquiry({ customer: { name: HOSTILE_MESSAGE, email: "a@b.example" }, message: HOSTILE_MESSAGE })],
  ["digest", digestOf(12)],
  ["test", testAlert],
];

describe.each(CARDS)("%s on the fake messenger", (kind) => {
  it.each(ALERTS)("the %s is accepted as the service's success", async (_, alert) => {
    const outcome = await send(kind, alert);
    expect(outcome.kind).toBe("delivered");
    const [received] = fake.requests(EXAMPLE_PATHS[kind]);
    // Teams answers 202 before the flow runs: the fake records what the run would fail on.
    expect(received.deferredFailure).toBeNull();
  });

  it("429 in the service's own shape is retried", async () => {
    fake.script(EXAMPLE_PATHS[kind], [{ rateLimited: { retryAfter: 2 } }]);
    expect(await send(kind, richInquiry())).toMatchObject({ kind: "retry", status: 429, retryAfterMs: 2_000 });
  });

  it("5xx is retried and a dropped connection fails the fetch (the sender's retry)", async () => {
    fake.script(EXAMPLE_PATHS[kind], [{ status: 503 }, { drop: true }]);
    expect(await send(kind, richInquiry())).toMatchObject({ kind: "retry", status: 503 });
    await expect(send(kind, richInquiry())).rejects.toThrow();
  });
});

describe("named errors: classified and paused as docs/messengers.md decides", () => {
  const cases: [NamedError, Card, Outcome["kind"], string | undefined, boolean][] = [
    ["teams.flow_off", "teams", "permanent", "WorkflowTriggerIsNotEnabled", true],
    ["teams.flow_deleted", "teams", "permanent", "WorkflowTriggerIsNotEnabled", true],
    ["teams.bad_signature", "teams", "permanent", "DirectApiInvalidAuthorizationSignature", true],
    ["teams.not_found", "teams", "permanent", "WorkflowNotFound", true],
    ["teams.schema_mismatch", "teams", "permanent", "TriggerInputSchemaMismatch", true],
    ["googlechat.bad_token", "googlechat", "permanent", "PERMISSION_DENIED", true],
    ["googlechat.bad_key", "googlechat", "permanent", "API_KEY_INVALID", true],
    ["googlechat.not_found", "googlechat", "permanent", "NOT_FOUND", true],
    ["googlechat.invalid_argument", "googlechat", "permanent", "INVALID_ARGUMENT", false],
    ["googlechat.rate_limited", "googlechat", "retry", "RESOURCE_EXHAUSTED", false],
    ["googlechat.unavailable", "googlechat", "retry", "UNAVAILABLE", false],
    ["discord.unknown_webhook", "discord", "permanent", "10015", true],
    ["discord.invalid_token", "discord", "permanent", "50027", true],
    ["discord.missing_permissions", "discord", "permanent", "50013", true],
    ["discord.empty_message", "discord", "permanent", "50006", false],
    ["dooray.not_found", "dooray", "permanent", "invalid_hook", true],
    ["dooray.failed_in_body", "dooray", "permanent", "invalid_hook", true],
  ];

  it.each(cases)("%s → %s %s: %s, pauses %s", async (name, kind, outcomeKind, code, pauses) => {
    fake.script(EXAMPLE_PATHS[kind], [name]);
    const outcome = await send(kind, richInquiry());
    expect(outcome).toMatchObject({ kind: outcomeKind, code });
    expect(pausesDestination(kind, outcome)).toBe(pauses);
    expect(Object.keys(messengers[kind].errors)).toContain(code);
  });

  it("Google Chat threads follow-ups of one conversation by its key", async () => {
    await send("googlechat", richInquiry());
    await send("googlechat", richInquiry());
    const [a, b] = fake.requests(EXAMPLE_PATHS.googlechat);
    expect(a.query).toContain("messageReplyOption=REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD");
    expect(a.query).toContain("key=");
    expect((a.parsed as { thread: unknown }).thread).toEqual({ threadKey: "alimi-s_123" });
    expect(b.parsed).toMatchObject({ thread: { threadKey: "alimi-s_123" } });
  });

  it("Discord gets ?wait=true and answers with the created message", async () => {
    await send("discord", richInquiry());
    expect(fake.requests(EXAMPLE_PATHS.discord)[0]).toMatchObject({ query: "wait=true", answered: 200 });
  });
});
