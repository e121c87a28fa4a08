import { dispatchAlert, MAX_BODY_BYTES } from "@/lib/api/dispatch";
import { readBodyBounded, webBodyChunks } from "@/lib/http/body";
import { toResponse } from "@/lib/http/errors";

// In production lib/server/ answers this path itself (a node:http fast path in front of Next);
// under `next dev`, or if Next is started on its own, this handler runs the same code.
export async function POST(request: Request): Promise<Response> {
  const readBody = () => readBodyBounded(webBodyChunks(request), request.headers.get("content-length"), MAX_BODY_BYTES);
  return toResponse(await dispatchAlert(request.headers, readBody));
}
