"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKey } from "@/db/queries/api-keys";
import { createApiKey } from "@/lib/api-keys";
import { audit } from "@/lib/audit";
import { authorizeChange } from "@/lib/auth/current-user";
import { apiKeyNameSchema } from "@/lib/settings/schema";

const PATH = "/settings/api-keys";

export type CreateKeyResult = { ok: true; key: string; signingSecret: string } | { ok: false; error: string };

/** The whole key is returned exactly once, here; only its hash is stored. */
export async function createApiKeyAction(values: unknown): Promise<CreateKeyResult> {
  const who = await authorizeChange();
  if ("error" in who) return { ok: false, error: who.error };
  const parsed = apiKeyNameSchema.safeParse(values);
  if (!parsed.success) return { ok: false, error: `apiKeys.errors.${parsed.error.issues[0].message}` };
  const { key, signingSecret, row } = createApiKey(parsed.data.name);
  await audit(who.user.email, "api_key.create", { type: "api_key", id: row.id, name: `${row.name} (${row.prefix}…)` });
  revalidatePath(PATH);
  return { ok: true, key, signingSecret };
}

export async function revokeApiKeyAction(id: unknown): Promise<{ ok: boolean; error?: string }> {
  const who = await authorizeChange();
  if ("error" in who) return { ok: false, error: who.error };
  if (typeof id !== "number" || !Number.isInteger(id)) return { ok: false, error: "form.unexpected" };
  const revoked = revokeApiKey(id, Date.now());
  if (revoked) await audit(who.user.email, "api_key.revoke", { type: "api_key", id });
  revalidatePath(PATH);
  return revoked ? { ok: true } : { ok: false, error: "apiKeys.errors.notFound" };
}
