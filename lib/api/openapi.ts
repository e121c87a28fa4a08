import { type ZodType, z } from "zod";
import { dispatchSchema } from "./dispatch-schema";
import { acceptedSchema, destinationsSchema, dryRunSchema, errorSchema, healthSchema } from "./response-schemas";

// The OpenAPI 3.1 document of the public API, generated from the zod schemas the code validates
// and answers with (zod 4's JSON Schema output; OpenAPI 3.1 schemas are JSON Schema 2020-12).

/** A request body is described as the caller sends it; an answer as we produce it. */
export const requestSchema = (schema: ZodType) => z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
const answerSchema = (schema: ZodType) => z.toJSONSchema(schema, { io: "output", target: "draft-2020-12" });

const json = (schema: ZodType, description: string) => ({ description, content: { "application/json": { schema: answerSchema(schema) } } });
const error = (description: string) => json(errorSchema, description);
const AUTH_ERRORS = {
  "401": error("No valid API key or signature (unauthorized)."),
  "429": error("Too many requests for this key (rate_limited); see Retry-After."),
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Alimi API",
      version: "1",
      description:
        "Send customer-inquiry alerts to the team's messengers (POST /api/v1/alerts) and read where they would go. " +
        "Authenticate with `Authorization: Bearer <API key>` (설정 > API 키), or sign the request: X-Alimi-Key-Id, X-Alimi-Timestamp, " +
        "X-Alimi-Signature: v1=<hex HMAC-SHA256(signing secret, timestamp + '.' + body)>.",
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key, alm_live_…" },
        signature: {
          type: "apiKey",
          in: "header",
          name: "X-Alimi-Signature",
          description: "v1=<hex HMAC-SHA256>, with X-Alimi-Key-Id and X-Alimi-Timestamp.",
        },
      },
    },
    security: [{ apiKey: [] }, { signature: [] }],
    paths: {
      "/api/v1/alerts": {
        post: {
          operationId: "dispatchAlert",
          summary: "Dispatch an alert (or, with dryRun, see where it would go)",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "Repeats within 24 h answer the first result (Idempotent-Replayed: true) and create nothing.",
              schema: { type: "string", minLength: 1, maxLength: 255 },
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: requestSchema(dispatchSchema) } } },
          responses: {
            "200": json(dryRunSchema, "dryRun: true — where the alert would go and when; nothing stored or sent."),
            "202": json(acceptedSchema, "Stored with one delivery per matching destination; sent shortly."),
            "400": error("The body is not JSON (invalid_json)."),
            ...AUTH_ERRORS,
            "413": error("The body is over 64 KiB (payload_too_large)."),
            "415": error("Not Content-Type: application/json (unsupported_media_type)."),
            "422": error("The alert is not valid (validation_failed); details lists each field."),
          },
        },
      },
      "/api/v1/destinations": {
        get: {
          operationId: "listDestinations",
          summary: "Destinations and their 받을 알림 rules (no URLs, recipients or secrets)",
          responses: { "200": json(destinationsSchema, "Every destination, in the console's order."), ...AUTH_ERRORS },
        },
      },
      "/api/health": {
        get: {
          operationId: "health",
          summary: "Liveness and the number of deliveries waiting",
          security: [],
          responses: {
            "200": json(healthSchema, "The server and its database answer."),
            "503": { description: "The database is unavailable." },
          },
        },
      },
    },
  };
}
