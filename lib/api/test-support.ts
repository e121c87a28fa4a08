import { insertDestination } from "@/db/queries/destinations";
import { ROUTE_ALL, type Routing, storedRouting } from "@/lib/destinations/routing";

// Shared by the API's unit tests (not imported by production code).

export const SECRET_URLS = [
  "https://hooks.slack.com/services/T0SECRET/B0SECRET/xoxSecretToken123",
  "https://agit.io/webhook/6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
  "https://agit.io/webhook/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
];

export function addDestination(name: string, url: string, routing: Partial<Routing> | null, channel: string | null = null) {
  return insertDestination({
    messenger: url.includes("slack") ? "slack" : "agit",
    name,
    webhookUrl: url,
    channel,
    topic: null,
    enabled: true,
    allowPrivateNetwork: false,
    routing: routing === null ? null : storedRouting({ ...ROUTE_ALL, ...routing }),
  });
}

/** What dispatchAlert / the listing read: a Fetch Headers and a body reader. */
export function call(body: unknown, headers: Record<string, string>) {
  const bytes = new TextEncoder().encode(typeof body === "string" ? body : JSON.stringify(body));
  return { headers: new Headers(headers), readBody: async () => bytes };
}
