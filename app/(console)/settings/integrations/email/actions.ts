"use server";

import { revalidatePath } from "next/cache";
import { getSmtpSettings, saveSmtpSettings } from "@/db/queries/smtp-settings";
import { adminAction, fail } from "@/lib/actions/admin-action";
import { audit } from "@/lib/audit";
import { allowLoopbackWebhooks } from "@/lib/env";
import { smtpSettingsInput } from "@/lib/settings/smtp-schema";

export const saveEmailServer = adminAction(smtpSettingsInput(allowLoopbackWebhooks), async (input, { user }) => {
  const saved = getSmtpSettings();
  const username = input.username || null;
  // An empty password field keeps the saved one; with a user name and nothing saved, one is needed.
  const password = input.clearPassword ? null : input.password !== "" ? input.password : undefined;
  if (username && password === undefined && !saved?.password) return fail("form.formError", { password: "passwordRequired" });
  saveSmtpSettings({
    host: input.host,
    port: input.port,
    security: input.security,
    username,
    password: username ? password : null,
    fromAddress: input.fromAddress,
    fromName: input.fromName,
  });
  const secret = !username || password === null ? "password=none" : password === undefined ? "password=kept" : "password=replaced";
  await audit(
    user.email,
    "settings.update",
    { type: "settings", name: "이메일 서버" },
    `host=${input.host} port=${input.port} security=${input.security} ${secret}`,
  );
  revalidatePath("/settings/integrations/email");
});
