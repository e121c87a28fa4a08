import http from "node:http";
import type { AddressInfo } from "node:net";
import { type Behaviour, type MessengerKind, NAMED_ERRORS, type RawAnswer, successAnswer, validate } from "./behaviours";

// A fake of all six messengers on 127.0.0.1, for tests, benchmarks and local demos. It answers
// each messenger's path shape as the spec says, can be scripted per webhook, enforces optional
// rate limits, and records every request it receives.

const SHAPES: [MessengerKind, RegExp][] = [
  ["slack", /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/],
  ["mattermost", /^(\/[^/]+)*\/hooks\/[a-z0-9]{26}$/],
  ["jandi", /^\/connect-api\/webhook\/\d+\/[A-Za-z0-9]+$/],
  ["hiworks", /^\/messenger\/[A-Za-z0-9._~\-/]+$/],
  ["agit", /^\/webhook\/[0-9a-fA-F-]{36}$/],
  ["teamroom", /^\/api\/webhook\/[0-9a-fA-F]{8}\/[A-Za-z0-9_-]+$/],
];

export function messengerOf(path: string): MessengerKind | null {
  return SHAPES.find(([, shape]) => shape.test(path))?.[0] ?? null;
}

export interface ReceivedRequest {
  at: number;
  messenger: MessengerKind;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  parsed: unknown;
  answered: number | "dropped";
}

interface Hook {
  script: Behaviour[];
  mode: Behaviour | null;
  limit: { perSecond: number; burst: number; tokens: number; refilledAt: number } | null;
  rateLimited: number;
}

export interface FakeMessenger {
  url: string;
  port: number;
  requests(path?: string): ReceivedRequest[];
  script(path: string, behaviours: Behaviour[]): void;
  setMode(path: string, behaviour: Behaviour | null): void;
  setRateLimit(path: string, limit: { perSecond: number; burst: number } | null): void;
  rateLimitedCount(path: string): number;
  reset(): void;
  waitForRequests(path: string, count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

const readBody = (req: http.IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

function parseBody(messenger: MessengerKind, body: string): unknown {
  if (messenger === "teamroom") return Object.fromEntries(new URLSearchParams(body));
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startFakeMessenger(
  opts: { port?: number; host?: string; onRequest?: (r: ReceivedRequest) => void } = {},
): Promise<FakeMessenger> {
  const hooks = new Map<string, Hook>();
  let received: ReceivedRequest[] = [];
  const hook = (path: string) => {
    let h = hooks.get(path);
    if (!h) hooks.set(path, (h = { script: [], mode: null, limit: null, rateLimited: 0 }));
    return h;
  };

  /** Token bucket per webhook: above the pace the fake answers 429 like Slack does. */
  function overLimit(h: Hook, now: number): boolean {
    if (!h.limit) return false;
    const l = h.limit;
    l.tokens = Math.min(l.burst, l.tokens + ((now - l.refilledAt) / 1000) * l.perSecond);
    l.refilledAt = now;
    if (l.tokens >= 1) {
      l.tokens -= 1;
      return false;
    }
    h.rateLimited += 1;
    return true;
  }

  async function answer(res: http.ServerResponse, a: RawAnswer) {
    res.writeHead(a.status, a.headers ?? {});
    res.end(a.body ?? "");
  }

  async function handleWebhook(req: http.IncomingMessage, res: http.ServerResponse, path: string, messenger: MessengerKind) {
    const body = await readBody(req);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const record: ReceivedRequest = {
      at: Date.now(), messenger, method: req.method ?? "", path, headers, body, parsed: parseBody(messenger, body), answered: 0,
    };
    received.push(record);
    const h = hook(path);
    let a: RawAnswer;
    const behaviour = h.script.shift() ?? h.mode;
    if (req.method !== "POST") a = { status: 405, body: "method not allowed" };
    else if (overLimit(h, record.at)) a = { status: 429, body: "rate_limited", headers: { "retry-after": "1" } };
    else if (behaviour === null || behaviour === undefined) a = validate(messenger, headers, body) ?? successAnswer(messenger);
    else if (typeof behaviour === "string") {
      a = NAMED_ERRORS[behaviour] ?? { status: 500, body: `unknown behaviour ${behaviour}` };
    } else if ("drop" in behaviour) {
      record.answered = "dropped";
      req.socket.destroy();
      opts.onRequest?.(record);
      return;
    } else if ("redirect" in behaviour) a = { status: 302, headers: { location: behaviour.redirect } };
    else if ("rateLimited" in behaviour) a = { status: 429, body: "rate_limited", headers: { "retry-after": behaviour.rateLimited.retryAfter } };
    else {
      if (behaviour.delayMs) await sleep(behaviour.delayMs);
      a = behaviour.status ? { status: behaviour.status, body: behaviour.body, headers: behaviour.headers } : successAnswer(messenger);
    }
    record.answered = a.status;
    opts.onRequest?.(record);
    if (!res.destroyed) await answer(res, a);
  }

  async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const send = (status: number, value: unknown) => answer(res, { status, body: JSON.stringify(value), headers: { "content-type": "application/json" } });
    const body = req.method === "POST" ? await readBody(req) : "";
    let input: Record<string, unknown> = {};
    try {
      input = body ? JSON.parse(body) : {};
    } catch {
      return send(400, { error: "invalid json" });
    }
    const path = typeof input.path === "string" ? input.path : "";
    switch (`${req.method} ${url.pathname}`) {
      case "GET /_fake/health":
        return send(200, { status: "ok" });
      case "GET /_fake/requests":
        return send(200, fake.requests(url.searchParams.get("path") ?? undefined));
      case "POST /_fake/script":
        fake.script(path, (input.behaviours as Behaviour[]) ?? []);
        return send(200, { ok: true });
      case "POST /_fake/mode":
        fake.setMode(path, (input.behaviour as Behaviour | null) ?? null);
        return send(200, { ok: true });
      case "POST /_fake/rate-limit":
        fake.setRateLimit(path, input.off ? null : { perSecond: Number(input.perSecond), burst: Number(input.burst ?? 1) });
        return send(200, { ok: true, rateLimited: fake.rateLimitedCount(path) });
      case "GET /_fake/rate-limit":
        return send(200, { rateLimited: fake.rateLimitedCount(url.searchParams.get("path") ?? "") });
      case "POST /_fake/reset":
        fake.reset();
        return send(200, { ok: true });
      default:
        return send(404, { error: "unknown control route" });
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const handle = url.pathname.startsWith("/_fake/")
      ? handleControl(req, res, url)
      : (() => {
          const messenger = messengerOf(url.pathname);
          if (!messenger) return answer(res, { status: 404, body: "no such webhook" });
          return handleWebhook(req, res, url.pathname, messenger);
        })();
    handle.catch((error: unknown) => {
      if (!res.headersSent) answer(res, { status: 500, body: String(error) });
    });
  });
  // Keep-alive like a real messenger front end; tests close everything on shutdown.
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeMessenger = {
    url: `http://127.0.0.1:${port}`,
    port,
    requests: (path) => (path ? received.filter((r) => r.path === path) : [...received]),
    script: (path, behaviours) => void hook(path).script.push(...behaviours),
    setMode: (path, behaviour) => void (hook(path).mode = behaviour),
    setRateLimit: (path, limit) =>
      void (hook(path).limit = limit ? { ...limit, tokens: limit.burst, refilledAt: Date.now() } : null),
    rateLimitedCount: (path) => hooks.get(path)?.rateLimited ?? 0,
    reset: () => {
      hooks.clear();
      received = [];
    },
    async waitForRequests(path, count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (fake.requests(path).length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests on ${path}, got ${fake.requests(path).length}`);
        await sleep(20);
      }
      return fake.requests(path);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
