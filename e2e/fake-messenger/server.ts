import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { rateLimitAnswer } from "./answers";
import { teamsCardProblem } from "./answers-cards-checks";
import { type Behaviour, type Plan, parseBehaviour, plan } from "./behaviours";
import { handleControl } from "./control";
import { flatHeaders, readBody, writeAnswer } from "./http-io";
import { messengerOf, pathKey, type ReceiverKind } from "./paths";

// A fake of all ten messengers on 127.0.0.1, for tests, benchmarks and local demos. It answers
// each messenger's path shape as the spec says, can be scripted per webhook, can enforce a pace,
// and records every request it receives. Only node:http, so it starts in milliseconds.

export type { NamedError } from "./answers";
export type { Behaviour } from "./behaviours";
export { EXAMPLE_PATHS, type MessengerKind, maskPath, messengerOf, messengersMatching } from "./paths";

export interface ReceivedRequest {
  /** Arrival time (ms since epoch), taken once the body has been read. */
  at: number;
  messenger: ReceiverKind;
  method: string;
  path: string;
  /** The query string without "?" (Teams' sig, Google Chat's key/token/messageReplyOption, Discord's wait). */
  query: string;
  headers: Record<string, string>;
  body: string;
  /**
   * Teams only: what the flow run would fail on after its 202 (a malformed card), which the real
   * service never reports to the sender; null when the card would post.
   */
  deferredFailure: string | null;
  /** JSON for the JSON messengers (null if it did not parse), the form fields for Teamroom. */
  parsed: unknown;
  /** The status sent; null while a delayed answer is pending; "aborted" if the client left first. */
  answered: number | "dropped" | "aborted" | null;
  answeredAt: number | null;
}

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface FakeMessengerOptions {
  port?: number;
  host?: "127.0.0.1";
  /** Called once per webhook request, when it is settled (answered, dropped or aborted). */
  onRequest?: (r: ReceivedRequest) => void;
  /** Called for a request to a path that matches no messenger (answered 404). */
  onUnmatched?: (method: string, path: string) => void;
}

export interface FakeMessenger {
  url: string;
  port: number;
  requests(path?: string): ReceivedRequest[];
  /** Queue behaviours for the next requests to this webhook; then the sticky mode, then success. */
  script(path: string, behaviours: Behaviour[]): void;
  setMode(path: string, behaviour: Behaviour | null): void;
  /** Pace a webhook: above it the answer is 429 with Retry-After: 1, counted in rateLimitedCount. */
  setRateLimit(path: string, limit: RateLimit | null): void;
  /** How many requests the pacing of setRateLimit refused (scripted 429s are not counted). */
  rateLimitedCount(path: string): number;
  /** Forget every request, script, mode, rate limit and count. */
  reset(): void;
  waitForRequests(path: string, count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

interface Hook {
  script: Behaviour[];
  mode: Behaviour | null;
  limit: (RateLimit & { tokens: number; refilledAt: number }) | null;
  rateLimited: number;
}

function parseBody(kind: ReceiverKind, body: string): unknown {
  if (kind === "teamroom") return Object.fromEntries(new URLSearchParams(body));
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** Token bucket: `burst` requests at once, refilled at `perSecond`. */
function takeToken(h: Hook, now: number): boolean {
  const l = h.limit;
  if (!l) return true;
  l.tokens = Math.min(l.burst, l.tokens + ((now - l.refilledAt) / 1000) * l.perSecond);
  l.refilledAt = now;
  if (l.tokens < 1) return false;
  l.tokens -= 1;
  return true;
}

export async function startFakeMessenger(opts: FakeMessengerOptions = {}): Promise<FakeMessenger> {
  const hooks = new Map<string, Hook>();
  let received: ReceivedRequest[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of listeners) l();
  };
  // Delayed answers in flight, so close() can end them instead of leaving timers behind.
  const pending = new Set<AbortController>();
  let postId = 7_000_000;

  const hook = (path: string) => {
    const key = pathKey(path);
    let h = hooks.get(key);
    if (!h) {
      h = { script: [], mode: null, limit: null, rateLimited: 0 };
      hooks.set(key, h);
    }
    return h;
  };

  async function handleWebhook(req: http.IncomingMessage, res: http.ServerResponse, url: URL, kind: ReceiverKind) {
    const body = await readBody(req);
    const headers = flatHeaders(req.headers);
    const path = url.pathname;
    const record: ReceivedRequest = {
      at: Date.now(),
      messenger: kind,
      method: req.method ?? "",
      path,
      query: url.search.slice(1),
      headers,
      body,
      deferredFailure: kind === "teams" ? teamsCardProblem(body) : null,
      parsed: parseBody(kind, body),
      answered: null,
      answeredAt: null,
    };
    const h = hook(path);
    let p: Plan;
    // Neither a wrong method nor a paced-out request uses up a scripted behaviour.
    if (req.method !== "POST") {
      p = { delayMs: 0, answer: { status: 405, body: "method not allowed", headers: { allow: "POST", "content-type": "text/plain" } } };
    } else if (!takeToken(h, record.at)) {
      h.rateLimited += 1;
      p = { delayMs: 0, answer: rateLimitAnswer(kind, "1") };
    } else {
      p = plan(h.script.shift() ?? h.mode, { kind, path, query: url.searchParams, headers, body, nextPostId: () => ++postId });
    }
    received.push(record);

    if (p.delayMs > 0) {
      notify(); // the arrival is observable while the answer is held back
      const abort = new AbortController();
      pending.add(abort);
      const onClose = () => abort.abort();
      res.on("close", onClose);
      await sleep(p.delayMs, undefined, { signal: abort.signal }).catch(() => undefined);
      res.off("close", onClose);
      pending.delete(abort);
    }
    if (res.destroyed || abortedByClient(req, res)) {
      record.answered = "aborted";
      res.destroy();
    } else if (p.answer === "drop") {
      record.answered = "dropped";
      req.socket.destroy();
    } else {
      record.answered = p.answer.status;
      writeAnswer(res, p.answer);
    }
    record.answeredAt = Date.now();
    notify();
    opts.onRequest?.(record);
  }

  const abortedByClient = (req: http.IncomingMessage, res: http.ServerResponse) => req.socket.destroyed && !res.writableEnded;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    let handled: Promise<void>;
    if (url.pathname.startsWith("/_fake/")) handled = handleControl(req, res, url, fake);
    else {
      const kind = messengerOf(url.pathname);
      if (kind) handled = handleWebhook(req, res, url, kind);
      else {
        opts.onUnmatched?.(req.method ?? "", url.pathname);
        req.resume(); // drain the body so keep-alive connections stay usable
        handled = Promise.resolve(writeAnswer(res, { status: 404, body: "no such webhook", headers: { "content-type": "text/plain" } }));
      }
    }
    handled.catch((error: unknown) => writeAnswer(res, { status: 500, body: `fake messenger error: ${String(error)}` }));
  });

  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const requests = (path?: string) => (path ? received.filter((r) => r.path === pathKey(path)) : [...received]);

  const fake: FakeMessenger = {
    url: `http://${host}:${port}`,
    port,
    requests,
    script: (path, behaviours) => void hook(path).script.push(...behaviours.map(parseBehaviour)),
    setMode: (path, behaviour) => {
      hook(path).mode = behaviour === null ? null : parseBehaviour(behaviour);
    },
    setRateLimit(path, limit) {
      if (limit && !(limit.perSecond > 0 && limit.burst >= 1)) throw new Error("rate limit needs perSecond > 0 and burst ≥ 1");
      hook(path).limit = limit ? { perSecond: limit.perSecond, burst: limit.burst, tokens: limit.burst, refilledAt: Date.now() } : null;
    },
    rateLimitedCount: (path) => hooks.get(pathKey(path))?.rateLimited ?? 0,
    reset() {
      hooks.clear();
      received = [];
      notify();
    },
    waitForRequests(path, count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = requests(path);
          if (found.length < count) return;
          done();
          resolve(found);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`expected ${count} request(s) on ${path} within ${timeoutMs} ms, got ${requests(path).length}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const a of pending) a.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}
