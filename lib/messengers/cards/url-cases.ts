import type { z } from "zod";
import type { UrlValidationOptions } from "../webhook-url";

// Runs a messenger's config schema on one URL and returns the URL error key (without "url."), or
// null when it would be saved: how the server action sees it.
export function urlError(schema: (opts: UrlValidationOptions) => z.ZodType, webhookUrl: string, allowLoopback = false): string | null {
  const result = schema({ allowLoopback }).safeParse({ id: "", name: "CS", webhookUrl, enabled: true });
  if (result.success) return null;
  const issue = result.error.issues.find((i) => i.path[0] === "webhookUrl");
  if (!issue) throw new Error(`no webhookUrl issue among ${JSON.stringify(result.error.issues)}`);
  return issue.message.replace(/^url\./, "");
}
