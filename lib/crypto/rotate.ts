import { getDb, inImmediateTransaction } from "@/db/client";
import { config } from "@/lib/env";
import {
  activeKeys,
  decryptSecret,
  encryptSecret,
  generateKeyText,
  type Key,
  keyFilePath,
  keyFromKeyText,
  renameDurably,
  writeKeyFile,
} from "./secret-box";
import { secretColumnNames } from "./secret-columns";

/**
 * Re-encrypts every secret column (secret-columns.ts) with a new key, in one transaction.
 * With a key file the new key is written (and synced) to secret.key.next first, the rows are
 * re-encrypted, and only then does the new file replace the old: a crash at any point leaves
 * every row readable (running servers read rows with either key), and running rotate again
 * finishes the interrupted rotation with the key already in secret.key.next.
 * With ALIMI_SECRET_KEY the new key must be given (and then set in the environment).
 */
export function rotateSecretKey(newKeyText?: string): { count: number; keyFile: string | null } {
  const usingEnv = config().secretKey !== undefined;
  const { current, pending } = activeKeys();
  const file = keyFilePath();
  let newKey: Key;
  if (usingEnv) {
    if (!newKeyText) throw new Error("ALIMI_SECRET_KEY is set: pass the new key in ALIMI_NEW_SECRET_KEY");
    newKey = keyFromKeyText(newKeyText);
  } else if (pending) {
    // Rows may already be sealed with the pending key: it must never be overwritten.
    if (newKeyText && keyFromKeyText(newKeyText).id !== pending.id) {
      throw new Error(
        `an earlier rotation did not finish (${file}.next exists): run rotate once without ALIMI_NEW_SECRET_KEY to finish it`,
      );
    }
    newKey = pending;
  } else {
    const text = newKeyText ?? generateKeyText();
    newKey = keyFromKeyText(text);
    writeKeyFile(text, `${file}.next`);
  }

  // IMMEDIATE: rows are read under the write lock, so none saved meanwhile is left behind.
  const count = inImmediateTransaction(() => reencryptAll([current, newKey, ...(pending ? [pending] : [])], newKey));
  if (!usingEnv) renameDurably(`${file}.next`, file);
  return { count, keyFile: usingEnv ? null : file };
}

function reencryptAll(readable: Key[], newKey: Key): number {
  const sqlite = getDb().$client;
  let count = 0;
  for (const { table, column } of secretColumnNames()) {
    const rows = sqlite.prepare(`select rowid as rid, "${column}" as value from "${table}" where "${column}" is not null`).all() as {
      rid: number;
      value: string;
    }[];
    const update = sqlite.prepare(`update "${table}" set "${column}" = ? where rowid = ?`);
    for (const row of rows) update.run(encryptSecret(decryptSecret(row.value, readable), newKey), row.rid);
    count += rows.length;
  }
  return count;
}
