import { z } from "zod";
import { allowLoopbackWebhooks } from "@/lib/env";
import { isMessengerId } from "@/lib/messengers/ids";
import { configSchemas, type DestinationFormValues } from "@/lib/messengers/schemas";

/**
 * 저장 and 테스트 전송 send `{ messenger, values }`; the values are judged by that messenger's
 * schema, and its issues keep their own paths, so "webhookUrl" stays a top-level field error.
 * An unknown messenger is no field's fault (the page chose it): a root issue, "form.unexpected".
 * The loopback setting is read when a request is judged, not when the module loads (at build).
 */
export const destinationInput = z
  .object({ messenger: z.unknown(), values: z.unknown(), testReceipt: z.string().max(1_000).optional() })
  .transform(({ messenger, values, testReceipt }, ctx) => {
    if (!isMessengerId(messenger)) {
      ctx.addIssue({ code: "custom", message: "form.unexpected", path: [] });
      return z.NEVER;
    }
    const parsed = configSchemas[messenger]({ allowLoopback: allowLoopbackWebhooks() }).safeParse(values);
    if (parsed.success) return { messenger, data: parsed.data as DestinationFormValues, testReceipt };
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
