import { z } from "zod";
import { EVENT_TYPES, SESSION_CHANNELS } from "@/lib/alerts/types";
import { MESSENGER_IDS } from "@/lib/messengers/ids";

// What the public API answers, as zod schemas: the OpenAPI document (openapi.ts) is generated from
// them, and the tests parse real answers with them, so the document cannot drift from the code.

const messenger = z.enum(MESSENGER_IDS);
const isoTime = z.iso.datetime();

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "invalid_json",
        "unauthorized",
        "payload_too_large",
        "unsupported_media_type",
        "validation_failed",
        "rate_limited",
        "internal_error",
      ]),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ description: "Every error, whatever the endpoint." });

export const acceptedSchema = z.object({
  alertId: z.string(),
  status: z.enum(["queued", "skipped", "unmatched"]).meta({
    description: "skipped: the event's 상담 안내 switch is off; unmatched: no destination's 받을 알림 takes it.",
  }),
  deliveries: z.array(z.object({ id: z.string(), destinationId: z.string(), messenger, status: z.literal("pending") })),
});

export const dryRunReasonCodes = ["event_switched_off", "no_matching_rules", "no_destinations"] as const;

export const dryRunSchema = z.object({
  dryRun: z.literal(true),
  status: z.enum(["queued", "skipped", "unmatched"]).meta({ description: "What a real dispatch would store the alert as." }),
  reason: z
    .object({ code: z.enum(dryRunReasonCodes), message: z.string() })
    .optional()
    .meta({ description: "Why no destination would get it (absent when some would)." }),
  evaluatedAt: isoTime.meta({ description: "When the rules were read (the time of the request)." }),
  destinations: z.array(
    z.object({
      destinationId: z.string(),
      name: z.string(),
      messenger,
      paused: z.boolean().meta({ description: "자동 중지: the alert would be held until the destination is resumed." }),
      sendsAt: isoTime.nullable().meta({
        description:
          "When it would be sent: the time of the request (근무 시간 are not built yet; when they are, this is the next opening). " +
          "null while the destination is paused. Paced messengers (Slack: one message per second) may send a moment later.",
      }),
    }),
  ),
});

export const routingSchema = z.object({
  events: z.array(z.enum(EVENT_TYPES)),
  channels: z.array(z.enum(SESSION_CHANNELS)).meta({ description: "session.channel values it takes (an alert without one is other)." }),
  teams: z.array(z.string()).meta({ description: "Team names it takes, matched exactly; empty: every team and alerts without one." }),
});

export const destinationsSchema = z.object({
  destinations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      messenger,
      enabled: z.boolean(),
      paused: z.boolean().meta({ description: "자동 중지 after repeated failures; alerts are held until it is resumed." }),
      routing: routingSchema.meta({ description: "받을 알림. The 상담 안내 switches apply first (see workspace.events)." }),
    }),
  ),
  workspace: z.object({
    events: z.record(z.enum(EVENT_TYPES), z.boolean()).meta({ description: "상담 안내: whether each event raises alerts at all." }),
  }),
});

export const healthSchema = z.object({
  status: z.literal("ok"),
  queue: z.object({ pending: z.number().int() }),
});

export type DryRunAnswer = z.infer<typeof dryRunSchema>;
export type DestinationsAnswer = z.infer<typeof destinationsSchema>;
