import { z } from "zod";
import { EVENT_TYPES, SESSION_CHANNELS } from "@/lib/alerts/types";

// The dispatch API body (design.md). Unknown fields are ignored so the chat system can send
// more than we use; every string is bounded so one request cannot bloat the database.
const isObject = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;
const label = (max: number) => z.string().trim().min(1).max(max);

// A host name of letters, digits and hyphens (IDNs arrive as punycode), or an IP literal.
const PLAIN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.?$|^\[[0-9a-f:.]+\]$/;

/**
 * The conversation link, stored and sent in the URL parser's own normal form (`new URL().href`),
 * so every messenger gets one unambiguous spelling. Refused: user info, which makes
 * `https://chat.example.com@evil.example/` read as one host and go to another, and hosts with
 * characters a messenger could read as formatting.
 */
const sessionUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .transform((value, ctx) => {
    const url = new URL(value);
    if (url.username !== "" || url.password !== "") {
      ctx.addIssue({ code: "custom", message: "must not contain a user name or password" });
    } else if (!PLAIN_HOST.test(url.hostname)) {
      ctx.addIssue({ code: "custom", message: "must have a plain host name" });
    }
    return url.href;
  })
  .pipe(z.string().max(2000));

export const dispatchSchema = z
  .object({
    id: label(255).optional(),
    event: z.enum(EVENT_TYPES),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    session: z.object({
      id: label(200),
      url: sessionUrlSchema,
      channel: z
        .enum(SESSION_CHANNELS)
        .default("other")
        .meta({ description: "Inflow channel (유입 채널): a routing input, matched against each destination's 받을 알림." }),
    }),
    customer: z.object({
      name: label(200),
      email: z.email().max(254).optional(),
      phone: z.string().trim().max(50).optional(),
    }),
    message: z.string().max(20_000).optional(),
    agent: z.object({ name: label(200) }).optional(),
    team: z
      .string()
      .trim()
      .max(100)
      .optional()
      .meta({ description: "Team name: a routing input; destinations limited to some teams take only alerts naming one of them." }),
    dryRun: z.boolean().optional().meta({
      description: "true: answer 200 with the destinations that would get this alert, and when, without storing or sending anything.",
    }),
  })
  // `when` makes these run even if other fields failed, so one 422 lists every problem.
  .refine((body) => body.event !== "message.submitted" || (typeof body.message === "string" && body.message.trim() !== ""), {
    path: ["message"],
    message: "required for message.submitted",
    when: isObject,
  })
  .refine((body) => body.event !== "session.assigned" || body.agent !== undefined, {
    path: ["agent"],
    message: "required for session.assigned",
    when: isObject,
  });

export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/);
