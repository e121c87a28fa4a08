import { getTableName } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { apiKeys, destinations, smtpSettings } from "@/db/schema";

/**
 * Every column that holds a value sealed by secret-box.ts (webhook URLs and 받는 사람, signing
 * secrets, the 이메일 서버 password). Key rotation re-encrypts exactly
 * these, so a secret column missing here would be unreadable after the next rotation:
 * secret-columns.test.ts fails when db/schema.ts gains a text column nobody classified.
 */
export const SECRET_COLUMNS: readonly { table: SQLiteTable; column: SQLiteColumn }[] = [
  { table: destinations, column: destinations.webhookUrl },
  { table: apiKeys, column: apiKeys.signingSecret },
  { table: smtpSettings, column: smtpSettings.password },
];

/** SQL names, e.g. { table: "api_keys", column: "signing_secret" }. */
export function secretColumnNames(): { table: string; column: string }[] {
  return SECRET_COLUMNS.map(({ table, column }) => ({ table: getTableName(table), column: column.name }));
}
