import { z } from "zod";
import { EVENT_TYPES, SESSION_CHANNELS } from "@/lib/alerts/types";

// The dispatch API body (design.md). Unknown fields are ignored so the chat system can send
// more than we use; every string is bounded so one request cannot bloat the database.
const isObject = (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null;
const label = (max: number) => z.string().trim().min(1).max(max);

export const dispatchSchema = z
  .object({
    id: label(255).optional(),
    event: z.enum(EVENT_TYPES),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    session: z.object({
      id: label(200),
      url: z.url({ protocol: /^https?$/ }).max(2000),
      channel: z.enum(SESSION_CHANNELS).default("other"),
    }),
    customer: z.object({
      name: label(200),
      email: z.email().max(254).optional(),
      phone: z.string().trim().max(50).optional(),
    }),
    message: z.string().max(20_000).optional(),
    agent: z.object({ name: label(200) }).optional(),
    team: z.string().trim().max(100).optional(),
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

export type DispatchBody = z.infer<typeof dispatchSchema>;

export const idempotencyKeySchema = z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/);
