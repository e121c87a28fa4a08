import { queueDepth } from "@/db/queries/deliveries";

/** Liveness plus the number of deliveries still waiting to be sent. */
export function GET(): Response {
  try {
    return Response.json({ status: "ok", queue: { pending: queueDepth() } }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "error", error: { code: "database_unavailable" } }, { status: 503 });
  }
}
