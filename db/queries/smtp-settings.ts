import { eq } from "drizzle-orm";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { getDb } from "../client";
import { type SMTP_SECURITY, smtpSettings } from "../schema";

export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** 설정 › 연동 › 이메일 서버 as the sender needs it (password decrypted; server-side only). */
export interface SmtpSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string | null;
  password: string | null;
  fromAddress: string;
  fromName: string;
  updatedAt: number;
}

export function getSmtpSettings(): SmtpSettings | null {
  const row = getDb().select().from(smtpSettings).where(eq(smtpSettings.id, 1)).get();
  if (!row) return null;
  const { id: _id, password, ...rest } = row;
  return { ...rest, password: password === null ? null : decryptSecret(password) };
}

/**
 * Saves the server. `password: undefined` keeps the saved one (the browser never had it);
 * `null` clears it (no AUTH). Returns the new version (updatedAt).
 */
export function saveSmtpSettings(input: Omit<SmtpSettings, "updatedAt" | "password"> & { password: string | null | undefined }): number {
  const { password, ...rest } = input;
  // Strictly increasing, so two saves within one millisecond still make two transport versions.
  const previous = getDb().select({ at: smtpSettings.updatedAt }).from(smtpSettings).where(eq(smtpSettings.id, 1)).get()?.at ?? 0;
  const updatedAt = Math.max(Date.now(), previous + 1);
  const sealed = password === undefined ? {} : { password: password === null ? null : encryptSecret(password) };
  getDb()
    .insert(smtpSettings)
    .values({ id: 1, ...rest, password: password ? encryptSecret(password) : null, updatedAt })
    .onConflictDoUpdate({ target: smtpSettings.id, set: { ...rest, ...sealed, updatedAt } })
    .run();
  return updatedAt;
}
