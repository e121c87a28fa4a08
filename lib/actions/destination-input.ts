import { z } from "zod";
import { ROUTE_ALL } from "@/lib/destinations/routing";
import { routingInputSchema } from "@/lib/destinations/routing-schema";
import { allowLoopbackWebhooks } from "@/lib/env";
import { isMessengerId } from "@/lib/messengers/ids";
import { configSchemas, type DestinationFormValues } from "@/lib/messengers/schemas";

/**
 * 저장 and 테스트 전송 send `{ messenger, values, routing? }`; the values are judged by that
 * messenger's schema and 받을 알림 by its own, and their issues keep their own paths, so
 * "webhookUrl" or "routeTeams" stays a top-level field error. No `routing` (테스트 전송, which does
 * not route) means "everything". An unknown messenger is no field's fault (the page chose it): a
 * root issue, "form.unexpected". The loopback setting is read when a request is judged, not when
 * the module loads (at build).
 */
export const destinationInput = z
  .object({
    messenger: z.unknown(),
    values: z.unknown(),
    routing: z.unknown().optional(),
    testReceipt: z.string().max(1_000).optional(),
  })
  .transform(({ messenger, values, routing, testReceipt }, ctx) => {
    if (!isMessengerId(messenger)) {
      ctx.addIssue({ code: "custom", message: "form.unexpected", path: [] });
      return z.NEVER;
    }
    const parsed = configSchemas[messenger]({ allowLoopback: allowLoopbackWebhooks() }).safeParse(values);
    const rules = routing === undefined ? ({ success: true, data: ROUTE_ALL } as const) : routingInputSchema.safeParse(routing);
    if (parsed.success && rules.success) return { messenger, data: parsed.data as DestinationFormValues, routing: rules.data, testReceipt };
    for (const issue of [...(parsed.error?.issues ?? []), ...(rules.success ? [] : rules.error.issues)]) {
      ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    }
    return z.NEVER;
  });
