import type dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { send } from "./send";

let server: http.Server;
let port = 0;
const received: { url?: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    received.push({ url: req.url, headers: req.headers });
    if (req.url === "/redirect") return void res.writeHead(302, { location: "http://elsewhere.example/" }).end();
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 500);
    if (req.url === "/huge") return void res.end("x".repeat(100_000));
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const post = (url: string) => ({ url, method: "POST" as const, headers: { "content-type": "application/json" }, body: "{}" });
const loopbackOk = { allowLoopback: true, allowPrivate: false };
const strict = { allowLoopback: false, allowPrivate: false };
/** A resolver that says every name is 127.0.0.1: a DNS-rebinding attacker's answer. */
const toLoopback = ((_host: string, _opts: unknown, cb: (e: null, a: dns.LookupAddress[]) => void) =>
  cb(null, [{ address: "127.0.0.1", family: 4 }])) as unknown as typeof dns.lookup;

describe("sender", () => {
  it("posts with Alimi's User-Agent and reads the answer", async () => {
    const result = await send(post(`http://127.0.0.1:${port}/ok`), { policy: loopbackOk });
    expect(result).toMatchObject({ kind: "response", response: { status: 200, body: "ok" } });
    expect(received.at(-1)?.headers["user-agent"]).toMatch(/^Alimi\/\d/);
  });

  it("refuses a name that resolves to an internal address, before connecting", async () => {
    const before = received.length;
    const result = await send(post(`http://hooks.evil.test:${port}/hooks/x`), { policy: strict, lookup: toLoopback });
    expect(result).toMatchObject({ kind: "network", outcome: { kind: "permanent", code: "blocked_address" } });
    expect(received.length).toBe(before);
    // The same name is fine when loopback is explicitly allowed (tests and demos).
    const allowed = await send(post(`http://hooks.evil.test:${port}/ok`), { policy: loopbackOk, lookup: toLoopback });
    expect(allowed.kind).toBe("response");
  });

  it.each(["127.0.0.1", "[::1]", "169.254.169.254", "10.0.0.1", "[::ffff:127.0.0.1]", "2130706433"])(
    "refuses the literal address %s",
    async (host) => {
      const result = await send(post(`http://${host}:${port}/x`), { policy: strict });
      expect(result).toMatchObject({ kind: "network", outcome: { code: "blocked_address" } });
    },
  );

  it("never follows a redirect", async () => {
    const result = await send(post(`http://127.0.0.1:${port}/redirect`), { policy: loopbackOk });
    expect(result).toMatchObject({ kind: "response", response: { status: 302 } });
  });

  it("gives up on a slow answer at the timeout", async () => {
    const result = await send(post(`http://127.0.0.1:${port}/slow`), { policy: loopbackOk, timeoutMs: 100 });
    expect(result).toMatchObject({ kind: "network", outcome: { kind: "retry", code: "timeout" } });
  });

  it("reads at most 8 KB of an answer", async () => {
    const result = await send(post(`http://127.0.0.1:${port}/huge`), { policy: loopbackOk });
    expect(result.kind === "response" && result.response.body.length).toBe(8 * 1024);
  });

  it("calls a refused connection retryable", async () => {
    const result = await send(post("http://127.0.0.1:1/x"), { policy: loopbackOk });
    expect(result).toMatchObject({ kind: "network", outcome: { kind: "retry", code: "connection_refused" } });
  });
});
