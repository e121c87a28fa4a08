"use server";

import { revalidatePath } from "next/cache";
import { revokeApiKey } from "@/db/queries/api-keys";
import { adminAction, fail } from "@/lib/actions/admin-action";
import { numericIdInput } from "@/lib/actions/inputs";
import { createApiKey } from "@/lib/api-keys";
import { audit } from "@/lib/audit";
import { apiKeyNameSchema } from "@/lib/settings/schema";

const PATH = "/settings/api-keys";

/** The whole key is returned exactly once, here; only its hash is stored. */
export const createApiKeyAction = adminAction(apiKeyNameSchema, async ({ name }, { user }) => {
  const { key, signingSecret, row } = createApiKey(name);
  await audit(user.email, "api_key.create", { type: "api_key", id: row.id, name: `${row.name} (${row.prefix}…)` });
  revalidatePath(PATH);
  return { key, signingSecret };
});

export const revokeApiKeyAction = adminAction(numericIdInput, async ({ id }, { user }) => {
  if (!revokeApiKey(id, Date.now())) return fail("apiKeys.errors.notFound");
  await audit(user.email, "api_key.revoke", { type: "api_key", id });
  revalidatePath(PATH);
});
