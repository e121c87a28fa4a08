import fs from "node:fs";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { destinations } from "@/db/schema";
import { config } from "@/lib/env";
import { activeKey, decryptSecret, encryptSecret, generateKeyText, keyFilePath, keyFromTextForRotation, writeKeyFile } from "./secret-box";

/**
 * Re-encrypts every webhook URL with a new key. With a key file the new key is written to
 * secret.key.next first, the rows are re-encrypted in one transaction, and only then does the
 * new file replace the old — a crash at any point leaves every row readable.
 * With ALIMI_SECRET_KEY the new key must be given (and then set in the environment).
 */
export function rotateWebhookKey(newKeyText?: string): { count: number; keyFile: string | null } {
  const usingEnv = config().secretKey !== undefined;
  if (usingEnv && !newKeyText) throw new Error("ALIMI_SECRET_KEY is set: pass the new key in ALIMI_NEW_SECRET_KEY");
  const text = newKeyText ?? generateKeyText();
  const oldKey = activeKey();
  const newKey = keyFromTextForRotation(text);
  const file = keyFilePath();
  if (!usingEnv) writeKeyFile(text, `${file}.next`);

  const db = getDb();
  const rows = db.select({ id: destinations.id, webhookUrl: destinations.webhookUrl }).from(destinations).all();
  db.transaction((tx) => {
    for (const row of rows) {
      const plain = decryptSecret(row.webhookUrl, oldKey);
      tx.update(destinations).set({ webhookUrl: encryptSecret(plain, newKey) }).where(eq(destinations.id, row.id)).run();
    }
  });
  if (!usingEnv) fs.renameSync(`${file}.next`, file);
  return { count: rows.length, keyFile: usingEnv ? null : file };
}
