"use server";

import { revalidatePath } from "next/cache";
import {
  deleteDestination,
  findDestination,
  insertDestination,
  setDestinationEnabled,
  updateDestination,
} from "@/db/queries/destinations";
import { getCurrentUser } from "@/lib/auth/current-user";
import { allowLoopbackWebhooks } from "@/lib/env";
import { isMessengerId } from "@/lib/messengers/ids";
import { type DestinationFormValues, configSchemas, messengerFields } from "@/lib/messengers/schemas";

// Thin actions: unknown in, the shared schema's safeParse, a discriminated result out.
// Message values are i18n keys; the form translates them. Bad input never throws.

export type ActionFailure = {
  ok: false;
  fieldErrors: Partial<Record<keyof DestinationFormValues, string>>;
  formError?: string;
};
export type ActionResult<T = object> = ({ ok: true } & T) | ActionFailure;

const LIST_PATH = "/settings/integrations/alerts";
const fail = (formError: string): ActionFailure => ({ ok: false, fieldErrors: {}, formError });

export async function saveDestination(messenger: unknown, values: unknown): Promise<ActionResult<{ id: string }>> {
  if (!(await getCurrentUser())) return fail("form.sessionExpired");
  if (!isMessengerId(messenger)) return fail("form.unexpected");

  const parsed = configSchemas[messenger]({ allowLoopback: allowLoopbackWebhooks() }).safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<keyof DestinationFormValues, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof DestinationFormValues;
      fieldErrors[field] ??= issue.message;
    }
    return { ok: false, fieldErrors, formError: "form.formError" };
  }

  const data = parsed.data as DestinationFormValues;
  const fields = messengerFields[messenger];
  const common = {
    name: data.name,
    enabled: data.enabled,
    channel: fields.channel && data.channel ? data.channel : null,
    topic: fields.topic && data.topic ? data.topic : null,
  };

  let id: string;
  if (data.id) {
    const existing = findDestination(data.id);
    if (!existing || existing.messenger !== messenger) return fail("destinations.notFound");
    updateDestination(data.id, { ...common, webhookUrl: data.webhookUrl || undefined });
    id = data.id;
  } else {
    id = insertDestination({ messenger, ...common, webhookUrl: data.webhookUrl }).id;
  }
  revalidatePath(LIST_PATH);
  return { ok: true, id };
}

export async function toggleDestination(id: unknown, enabled: unknown): Promise<ActionResult> {
  if (!(await getCurrentUser())) return fail("form.sessionExpired");
  if (typeof id !== "string" || typeof enabled !== "boolean") return fail("form.unexpected");
  if (!setDestinationEnabled(id, enabled)) return fail("destinations.notFound");
  revalidatePath(LIST_PATH);
  return { ok: true };
}

export async function removeDestination(id: unknown): Promise<ActionResult> {
  if (!(await getCurrentUser())) return fail("form.sessionExpired");
  if (typeof id !== "string") return fail("form.unexpected");
  if (!deleteDestination(id)) return fail("destinations.notFound");
  revalidatePath(LIST_PATH);
  return { ok: true };
}
