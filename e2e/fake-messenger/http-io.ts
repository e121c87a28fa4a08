import type http from "node:http";
import type { RawAnswer } from "./answers";

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function writeAnswer(res: http.ServerResponse, a: RawAnswer): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(a.status, a.headers ?? {});
  res.end(a.body ?? "");
}

export function writeJson(res: http.ServerResponse, status: number, value: unknown): void {
  writeAnswer(res, { status, body: JSON.stringify(value), headers: { "content-type": "application/json; charset=utf-8" } });
}

/** Node gives header names lower-cased already; repeated headers are joined the way fetch joins them. */
export function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}
