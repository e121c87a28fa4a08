"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKey } from "@/db/queries/api-keys";
import { createApiKey } from "@/lib/api-keys";
import { getCurrentUser } from "@/lib/auth/current-user";
import { apiKeyNameSchema } from "@/lib/settings/schema";

const PATH = "/settings/api-keys";

export type CreateKeyResult = { ok: true; key: string } | { ok: false; error: string };

/** The whole key is returned exactly once, here; only its hash is stored. */
export async function createApiKeyAction(values: unknown): Promise<CreateKeyResult> {
  if (!(await getCurrentUser())) return { ok: false, error: "form.sessionExpired" };
  const parsed = apiKeyNameSchema.safeParse(values);
  if (!parsed.success) return { ok: false, error: `apiKeys.errors.${parsed.error.issues[0].message}` };
  const { key } = createApiKey(parsed.data.name);
  revalidatePath(PATH);
  return { ok: true, key };
}

export async function revokeApiKeyAction(id: unknown): Promise<{ ok: boolean; error?: string }> {
  if (!(await getCurrentUser())) return { ok: false, error: "form.sessionExpired" };
  if (typeof id !== "number" || !Number.isInteger(id)) return { ok: false, error: "form.unexpected" };
  const revoked = revokeApiKey(id, Date.now());
  revalidatePath(PATH);
  return revoked ? { ok: true } : { ok: false, error: "apiKeys.errors.notFound" };
}
