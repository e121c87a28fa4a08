import { openApiDocument } from "@/lib/api/openapi";

// Public (it describes the API, it holds nothing of the workspace) and the same until the next
// deploy: generated once per process, cacheable by browsers and proxies.
let text: string | undefined;

export function GET(): Response {
  text ??= JSON.stringify(openApiDocument());
  return new Response(text, { headers: { "content-type": "application/json", "cache-control": "public, max-age=3600" } });
}
