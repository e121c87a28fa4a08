import { dispatchAlert, MAX_BODY_BYTES } from "@/lib/api/dispatch";
import { readBodyBounded, toResponse } from "@/lib/http/errors";

// In production server/ answers this path itself (a node:http fast path in front of Next);
// under `next dev`, or if Next is started on its own, this handler runs the same code.
export async function POST(request: Request): Promise<Response> {
  return toResponse(await dispatchAlert(request.headers, () => readBodyBounded(request, MAX_BODY_BYTES)));
}
