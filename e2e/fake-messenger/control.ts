import type http from "node:http";
import type { Behaviour } from "./behaviours";
import { readBody, writeJson } from "./http-io";
import type { FakeMessenger } from "./server";

// The control API under /_fake/: the same operations as the in-process object, for a fake that
// runs in its own process (Playwright's webServer, `npm run bench`, a person with curl).

export const CONTROL_ROUTES = [
  "GET  /_fake/health",
  "GET  /_fake/requests[?path=…]",
  "GET  /_fake/wait?path=…&count=N[&timeoutMs=5000]",
  "POST /_fake/script      {path, behaviours: […]}",
  "POST /_fake/mode        {path, behaviour | null}",
  "POST /_fake/rate-limit  {path, perSecond, burst} | {path, off: true}",
  "GET  /_fake/rate-limit?path=…",
  "POST /_fake/reset",
] as const;

class BadRequest extends Error {}

function requirePath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) throw new BadRequest("path must be a webhook path such as /services/T…/B…/…");
  return value;
}

async function readInput(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req);
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new BadRequest("body must be JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new BadRequest("body must be a JSON object");
  return value as Record<string, unknown>;
}

async function route(req: http.IncomingMessage, url: URL, fake: FakeMessenger): Promise<[number, unknown]> {
  const query = (name: string) => url.searchParams.get(name) ?? undefined;
  switch (`${req.method} ${url.pathname}`) {
    case "GET /_fake/health":
      return [200, { ok: true, url: fake.url }];
    case "GET /_fake/requests":
      return [200, fake.requests(query("path"))];
    case "GET /_fake/wait": {
      const count = Number(query("count") ?? 1);
      try {
        return [200, await fake.waitForRequests(requirePath(query("path")), count, Number(query("timeoutMs") ?? 5_000))];
      } catch (error) {
        if (error instanceof BadRequest) throw error;
        return [408, { error: (error as Error).message }];
      }
    }
    case "POST /_fake/script": {
      const input = await readInput(req);
      if (!Array.isArray(input.behaviours)) throw new BadRequest("behaviours must be an array");
      // The fake checks every behaviour itself (parseBehaviour) and throws on a bad one.
      fake.script(requirePath(input.path), input.behaviours as Behaviour[]);
      return [200, { ok: true }];
    }
    case "POST /_fake/mode": {
      const input = await readInput(req);
      if (!("behaviour" in input)) throw new BadRequest("behaviour is required (null to clear)");
      fake.setMode(requirePath(input.path), input.behaviour as Behaviour | null);
      return [200, { ok: true }];
    }
    case "POST /_fake/rate-limit": {
      const input = await readInput(req);
      const path = requirePath(input.path);
      fake.setRateLimit(path, input.off === true ? null : { perSecond: Number(input.perSecond), burst: Number(input.burst ?? 1) });
      return [200, { ok: true, rateLimited: fake.rateLimitedCount(path) }];
    }
    case "GET /_fake/rate-limit":
      return [200, { rateLimited: fake.rateLimitedCount(requirePath(query("path"))) }];
    case "POST /_fake/reset":
      fake.reset();
      return [200, { ok: true }];
    default:
      return [404, { error: "unknown control route", routes: CONTROL_ROUTES }];
  }
}

export async function handleControl(req: http.IncomingMessage, res: http.ServerResponse, url: URL, fake: FakeMessenger): Promise<void> {
  try {
    const [status, value] = await route(req, url, fake);
    writeJson(res, status, value);
  } catch (error) {
    // Bad behaviours and limits throw from the fake's own checks: the caller's mistake, so 400.
    writeJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
