import http from "node:http";
import next from "next";
import { dispatchAlert, MAX_BODY_BYTES } from "@/lib/api/dispatch";
import { deliveryWorker } from "@/lib/delivery/worker";
import { appBaseUrl, ConfigError, config, port } from "@/lib/env";
import { readBodyBounded } from "@/lib/http/body";
import { CLIENT_ADDRESS_HEADER, markClientAddressHeaderTrusted, resolveClientAddress } from "@/lib/http/client-address";
import type { ApiAnswer } from "@/lib/http/errors";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "@/lib/http/security-headers";
import { prepareServer } from "@/lib/server-start";

// The production server: Next serves the console, but POST /api/v1/alerts, the one path the chat
// system calls at volume, is answered here on plain node:http. Next's request pipeline costs
// about 1 ms of CPU per request before a route handler runs (its routing, proxy matching and
// Web Request/Response wrapping), which capped dispatch near 200 alerts/s on two cores; the same
// dispatchAlert() called straight from node:http does the whole job in a fraction of that.
// Everything else, including the other methods on that path, goes to Next unchanged.

const DISPATCH_PATH = "/api/v1/alerts";
const SHUTDOWN_LIMIT_MS = 4_000;

function isDispatch(req: http.IncomingMessage): boolean {
  if (req.method !== "POST" || !req.url?.startsWith(DISPATCH_PATH)) return false;
  const rest = req.url.slice(DISPATCH_PATH.length);
  return rest === "" || rest.startsWith("?");
}

function headerReader(req: http.IncomingMessage) {
  return {
    get(name: string): string | null {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

let SECURITY_HEADERS: Record<string, string> = {};
/** The same list for Next's answers, HSTS included under https, decided at run time (not at build). */
let PAGE_HEADERS: [string, string][] = [];

function write(res: http.ServerResponse, answer: ApiAnswer, close: boolean): void {
  res.writeHead(answer.status, {
    ...SECURITY_HEADERS,
    ...answer.headers,
    "content-length": Buffer.byteLength(answer.body),
    ...(close ? { connection: "close" } : {}),
  });
  res.end(answer.body);
}

async function serveDispatch(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  // destroyOnReturn: false — a body over the limit stops being read, but the socket stays up
  // for the 413 (sent with `connection: close`).
  const readBody = () => readBodyBounded(req.iterator({ destroyOnReturn: false }), req.headers["content-length"], MAX_BODY_BYTES);
  const answer = await dispatchAlert(headerReader(req), readBody);
  // A body left unread (refused before reading, or too large): close rather than drain it.
  write(res, answer, !req.complete);
}

async function main(): Promise<void> {
  config(); // validate the environment before anything else
  SECURITY_HEADERS = Object.fromEntries([...securityHeaders(config().https), API_CONTENT_SECURITY_POLICY].map((h) => [h.key, h.value]));
  PAGE_HEADERS = securityHeaders(config().https).map((h) => [h.key, h.value]);
  const hostname = config().host;
  const app = next({ dev: false, dir: process.cwd(), hostname, port: port() });
  const handle = app.getRequestHandler();
  await prepareServer();
  await app.prepare();

  markClientAddressHeaderTrusted();
  const server = http.createServer((req, res) => {
    if (isDispatch(req)) {
      serveDispatch(req, res).catch(() => res.destroy()); // cannot happen: dispatchAlert answers every error
    } else {
      // Always overwritten, so whatever a client sends in this header never reaches Next.
      req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
        req.socket.remoteAddress,
        req.headers["x-forwarded-for"],
        config().trustProxy,
      );
      for (const [name, value] of PAGE_HEADERS) res.setHeader(name, value);
      void handle(req, res);
    }
  });
  server.listen(port(), hostname, () => console.log(`[alimi] serving on ${appBaseUrl()} (port ${port()})`));

  // SIGTERM / Ctrl-C: stop taking requests, let answers in progress and the worker's sends
  // finish (the worker stops claiming at once), then exit; a second signal exits at once.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(0);
    stopping = true;
    server.close();
    server.closeIdleConnections();
    const done = new Promise<void>((resolve) => server.once("close", () => resolve()));
    const limit = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_LIMIT_MS).unref());
    void Promise.race([Promise.all([done, deliveryWorker().settled()]), limit]).then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  // A configuration mistake is the operator's to fix: say what is wrong, without a stack trace.
  console.error("[alimi] could not start:", error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : error);
  process.exit(1);
});
