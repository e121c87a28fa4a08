import { listDestinationsAnswer } from "@/lib/api/destinations";
import { toResponse } from "@/lib/http/errors";

/** GET /api/v1/destinations (API key): destinations and their 받을 알림, never a URL. */
export function GET(request: Request): Response {
  return toResponse(listDestinationsAnswer(request.headers));
}
