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
import { adminAction, fail } from "@/lib/actions/admin-action";
import { destinationInput } from "@/lib/actions/destination-input";
import { optionalIdInput, resumeInput, textIdInput, toggleInput } from "@/lib/actions/inputs";
import { audit } from "@/lib/audit";
import { sendTestMessage } from "@/lib/delivery/test-send";
import { deliveryWorker } from "@/lib/delivery/worker";
import { describeRouting, readRouting, storedRouting } from "@/lib/destinations/routing";
import { openTestReceipt, sealTestReceipt } from "@/lib/destinations/test-receipt";
import type { DestinationFormValues } from "@/lib/messengers/fields";
import type { MessengerId } from "@/lib/messengers/ids";
import { messengerMeta } from "@/lib/messengers/meta";

// Thin actions: adminAction checks who asks and the input; these only do the work.
const LIST_PATH = "/settings/integrations/alerts";

// What a messenger's form shows decides what is kept (lib/messengers/<id>/meta.ts).
const channelOf = (messenger: MessengerId, data: DestinationFormValues) =>
  messengerMeta[messenger].fields.channel !== null && data.channel ? data.channel : null;
const allowsPrivateNetwork = (messenger: MessengerId, data: DestinationFormValues) =>
  messengerMeta[messenger].capabilities.privateNetwork && data.allowPrivateNetwork === true;

export const saveDestination = adminAction(destinationInput, async ({ messenger, data, routing, testReceipt }, { user }) => {
  const rules = storedRouting(routing);
  const common = {
    routing: rules,
    name: data.name,
    enabled: data.enabled,
    channel: channelOf(messenger, data),
    topic: messengerMeta[messenger].fields.topic && data.topic ? data.topic : null,
    allowPrivateNetwork: allowsPrivateNetwork(messenger, data),
  };

  let id: string;
  let webhookUrl = data.webhookUrl;
  if (data.id) {
    const existing = findDestination(data.id);
    if (!existing || existing.messenger !== messenger) return fail("destinations.notFound");
    updateDestination(data.id, { ...common, webhookUrl: data.webhookUrl || undefined });
    id = data.id;
    webhookUrl ||= existing.webhookUrl;
    // 감사 기록 says what changed: the URL (never its value) and 받을 알림, before → after.
    const changes = [
      data.webhookUrl ? "webhook URL replaced" : null,
      existing.routing !== rules ? `받을 알림 ${describeRouting(readRouting(existing.routing))} → ${describeRouting(routing)}` : null,
    ].filter((c) => c !== null);
    await audit(user.email, "destination.update", { type: "destination", id, name: data.name }, changes.join("; ") || undefined);
  } else {
    id = insertDestination({ messenger, ...common, webhookUrl: data.webhookUrl }).id;
    const detail = rules === null ? messenger : `${messenger}; 받을 알림 ${describeRouting(routing)}`;
    await audit(user.email, "destination.create", { type: "destination", id, name: data.name }, detail);
  }
  // A 테스트 전송 made before this 저장, of exactly what was saved, becomes its 최근 테스트.
  const tested = openTestReceipt(testReceipt, { messenger, webhookUrl, channel: common.channel }, Date.now());
  if (tested) recordTestResult(id, tested);
  revalidatePath(LIST_PATH);
  return { id };
});

export const toggleDestination = adminAction(toggleInput, async ({ id, enabled }, { user }) => {
  if (!setDestinationEnabled(id, enabled)) return fail("destinations.notFound");
  await audit(user.email, enabled ? "destination.enable" : "destination.disable", {
    type: "destination",
    id,
    name: findDestination(id)?.name,
  });
  revalidatePath(LIST_PATH);
});

export const removeDestination = adminAction(textIdInput, async ({ id }, { user }) => {
  const name = findDestination(id)?.name;
  if (!deleteDestination(id)) return fail("destinations.notFound");
  await audit(user.email, "destination.delete", { type: "destination", id, name });
  revalidatePath(LIST_PATH);
});

/**
 * 테스트 전송 with the form's current values, saved or not. An empty URL field on a saved
 * destination means "the saved URL", which never left the server.
 */
export const sendTestAlert = adminAction(destinationInput, async ({ messenger, data }, { user }) => {
  const saved = data.id ? findDestination(data.id) : undefined;
  if (data.id && (!saved || saved.messenger !== messenger)) return fail("destinations.notFound");
  const webhookUrl = data.webhookUrl || saved?.webhookUrl;
  if (!webhookUrl) return fail(undefined, { webhookUrl: "url.required" });

  const channel = channelOf(messenger, data);
  const settings = getSettings();
  const result = await sendTestMessage(
    messenger,
    {
      name: data.name,
      webhookUrl,
      channel,
      topic: data.topic || null,
      allowPrivateNetwork: allowsPrivateNetwork(messenger, data),
    },
    { locale: settings.alertLocale, timeZone: settings.timeZone },
  );
  await audit(
    user.email,
    "destination.test",
    { type: "destination", id: saved?.id, name: data.name },
    result.ok ? "성공" : `실패 ${result.httpStatus ?? ""} ${result.code ?? ""}`.trim(),
  );
  const outcome = { at: Date.now(), ok: result.ok, status: result.httpStatus, code: result.code };
  // The saved destination's 최근 테스트 only when what was tested is what is saved: a URL or
  // channel typed but not yet saved is vouched for by the receipt, when (if) it is saved.
  if (saved && webhookUrl === saved.webhookUrl && channel === (saved.channel ?? null)) {
    recordTestResult(saved.id, outcome);
    revalidatePath(LIST_PATH);
  }
  return { result, receipt: sealTestReceipt(outcome, { messenger, webhookUrl, channel }) };
});

/** 다시 사용 after 자동 중지: redeliver what it missed (as a digest), or discard it first. */
export const resumeDestinationAction = adminAction(resumeInput, async ({ id, discard }, { user }) => {
  const destination = findDestination(id);
  if (!destination) return fail("destinations.notFound");
  if (discard) discardPendingDeliveries(id);
  resumeDestination(id);
  await audit(user.email, discard ? "destination.discard" : "destination.resume", { type: "destination", id, name: destination.name });
  deliveryWorker().wake();
  revalidatePath(LIST_PATH);
});

/** 실패 알림: which destination hears about pauses and recoveries ("" for none). */
export const setFailureAlertDestination = adminAction(optionalIdInput, async ({ id }, { user }) => {
  if (id !== "" && !findDestination(id)) return fail("destinations.notFound");
  saveSettings({ failureAlertDestinationId: id || null });
  await audit(user.email, "failure_alert.update", { type: "settings", id: id || null, name: id ? findDestination(id)?.name : null });
  revalidatePath(LIST_PATH);
});
