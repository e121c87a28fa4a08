"use server";

import { revalidatePath } from "next/cache";
import {
  deleteDestination,
  discardPendingDeliveries,
  findDestination,
  insertDestination,
  recordTestResult,
  resumeDestination,
  setDestinationEnabled,
  updateDestination,
} from "@/db/queries/destinations";
import { getSettings, saveSettings } from "@/db/queries/settings";
import { deliveryWorker } from "@/lib/delivery/worker";
import { audit } from "@/lib/audit";
import { authorizeChange } from "@/lib/auth/current-user";
import { sendTestMessage, type TestSendResult } from "@/lib/delivery/test-send";
import { allowLoopbackWebhooks } from "@/lib/env";
import { isMessengerId, type MessengerId } from "@/lib/messengers/ids";
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

function parseValues(messenger: unknown, values: unknown): ActionFailure | { messenger: MessengerId; data: DestinationFormValues } {
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
  return { messenger, data: parsed.data as DestinationFormValues };
}

export async function saveDestination(rawMessenger: unknown, values: unknown): Promise<ActionResult<{ id: string }>> {
  const who = await authorizeChange();
  if ("error" in who) return fail(who.error);
  const checked = parseValues(rawMessenger, values);
  if ("ok" in checked) return checked;
  const { messenger, data } = checked;
  const fields = messengerFields[messenger];
  const common = {
    name: data.name,
    enabled: data.enabled,
    channel: fields.channel && data.channel ? data.channel : null,
    topic: fields.topic && data.topic ? data.topic : null,
    allowPrivateNetwork: messenger === "mattermost" && data.allowPrivateNetwork === true,
  };

  let id: string;
  if (data.id) {
    const existing = findDestination(data.id);
    if (!existing || existing.messenger !== messenger) return fail("destinations.notFound");
    updateDestination(data.id, { ...common, webhookUrl: data.webhookUrl || undefined });
    id = data.id;
    await audit(who.user.email, "destination.update", { type: "destination", id, name: data.name }, data.webhookUrl ? "webhook URL replaced" : undefined);
  } else {
    id = insertDestination({ messenger, ...common, webhookUrl: data.webhookUrl }).id;
    await audit(who.user.email, "destination.create", { type: "destination", id, name: data.name }, messenger);
  }
  revalidatePath(LIST_PATH);
  return { ok: true, id };
}

export async function toggleDestination(id: unknown, enabled: unknown): Promise<ActionResult> {
  const who = await authorizeChange();
  if ("error" in who) return fail(who.error);
  if (typeof id !== "string" || typeof enabled !== "boolean") return fail("form.unexpected");
  if (!setDestinationEnabled(id, enabled)) return fail("destinations.notFound");
  await audit(who.user.email, enabled ? "destination.enable" : "destination.disable", { type: "destination", id, name: findDestination(id)?.name });
  revalidatePath(LIST_PATH);
  return { ok: true };
}

export async function removeDestination(id: unknown): Promise<ActionResult> {
  const who = await authorizeChange();
  if ("error" in who) return fail(who.error);
  if (typeof id !== "string") return fail("form.unexpected");
  const name = findDestination(id)?.name;
  if (!deleteDestination(id)) return fail("destinations.notFound");
  await audit(who.user.email, "destination.delete", { type: "destination", id, name });
  revalidatePath(LIST_PATH);
  return { ok: true };
}

/**
 * 테스트 전송 with the form's current values, saved or not. An empty URL field on a saved
 * destination means "the saved URL", which never left the server.
 */
export async function sendTestAlert(rawMessenger: unknown, values: unknown): Promise<ActionResult<{ result: TestSendResult }>> {
  const who = await authorizeChange();
  if ("error" in who) return fail(who.error);
  const checked = parseValues(rawMessenger, values);
  if ("ok" in checked) return checked;
  const { messenger, data } = checked;

  const saved = data.id ? findDestination(data.id) : undefined;
  if (data.id && (!saved || saved.messenger !== messenger)) return fail("destinations.notFound");
  const webhookUrl = data.webhookUrl || saved?.webhookUrl;
  if (!webhookUrl) return { ok: false, fieldErrors: { webhookUrl: "url.required" } };

  const settings = getSettings();
  const result = await sendTestMessage(
    messenger,
    {
      name: data.name,
      webhookUrl,
      channel: data.channel || null,
      topic: data.topic || null,
      allowPrivateNetwork: messenger === "mattermost" && data.allowPrivateNetwork === true,
    },
    { locale: settings.alertLocale, timeZone: settings.timeZone },
  );
  await audit(who.user.email, "destination.test", { type: "destination", id: saved?.id, name: data.name }, result.ok ? "성공" : `실패 ${result.httpStatus ?? ""} ${result.code ?? ""}`.trim());
  if (saved) {
    recordTestResult(saved.id, { at: Date.now(), ok: result.ok, status: result.httpStatus, code: result.code });
    revalidatePath(LIST_PATH);
  }
  return { ok: true, result };
}

/** 다시 사용 after 자동 중지: redeliver what it missed (as a digest), or discard it first. */
export async function resumeDestinationAction(id: unknown, discard: unknown): Promise<ActionResult> {
  const who = await authorizeChange();
  if ("error" in who) return fail(who.error);
  if (typeof id !== "string" || typeof discard !== "boolean") return fail("form.unexpected");
  const destination = findDestination(id);
  if (!destination) return fail("destinations.notFound");
  if (discard) discardPendingDeliveries(id);
  resumeDestination(id);
  await audit(who.user.email, discard ? "destination.discard" : "destination.resume", { type: "destination", id, name: destination.name });
  deliveryWorker().wake();
  revalidatePath(LIST_PATH);
  return { ok: true };
}

/** 실패 알림: which destination hears about pauses and recoveries ("" for none). */
export async function setFailureAlertDestination(id: unknown): Promise<ActionResult> {
  const who = await authorizeChange();
  if ("error" in who) return fail(who.error);
  if (typeof id !== "string") return fail("form.unexpected");
  if (id !== "" && !findDestination(id)) return fail("destinations.notFound");
  saveSettings({ failureAlertDestinationId: id || null });
  await audit(who.user.email, "failure_alert.update", { type: "settings", id: id || null, name: id ? findDestination(id)?.name : null });
  revalidatePath(LIST_PATH);
  return { ok: true };
}
