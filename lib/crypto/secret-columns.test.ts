import { getTableName, is } from "drizzle-orm";
import { getTableConfig, SQLiteTable, SQLiteText } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { insertDestination } from "@/db/queries/destinations";
import { saveSmtpSettings } from "@/db/queries/smtp-settings";
import * as schema from "@/db/schema";
import { useTempDatabase } from "@/db/test/temp-db";
import { createApiKey } from "@/lib/api-keys";
import { secretColumnNames } from "./secret-columns";

// Every text column of the schema, classified. A new one fails the first test until someone
// decides: a secret (add it to SECRET_COLUMNS, so rotation re-encrypts it) or not (add it here).
const NOT_SECRET = new Set([
  "users.email",
  "users.password_hash",
  "users.role",
  "sessions.token_hash",
  "login_failures.address",
  "destinations.id",
  "destinations.messenger",
  "destinations.name",
  "destinations.channel",
  "destinations.topic",
  "destinations.last_test_code",
  "destinations.pause_code",
  "destinations.pause_reason",
  "destinations.last_failure_code",
  "destinations.last_failure_reason",
  "destinations.routing",
  "workspace_settings.alert_locale",
  "workspace_settings.time_zone",
  "workspace_settings.failure_alert_destination_id",
  "api_keys.name",
  "api_keys.prefix",
  "api_keys.key_hash",
  "alerts.id",
  "alerts.event",
  "alerts.payload",
  "alerts.status",
  "deliveries.id",
  "deliveries.alert_id",
  "deliveries.destination_id",
  "deliveries.messenger",
  "deliveries.status",
  "deliveries.last_code",
  "deliveries.last_message",
  "deliveries.digest_id",
  "delivery_outcome_stats.destination_id",
  "delivery_outcome_stats.messenger",
  "delivery_outcome_stats.outcome",
  "delivery_outcome_stats.code",
  "delivery_latency_stats.messenger",
  "delivery_latency_stats.bins",
  "delivery_attempts.delivery_id",
  "delivery_attempts.outcome",
  "delivery_attempts.code",
  "delivery_attempts.message",
  "delivery_attempts.body_snippet",
  "delivery_attempts.digest_id",
  "idempotency_keys.key",
  "idempotency_keys.alert_id",
  "idempotency_keys.response",
  "rate_limits.key",
  "audit_events.actor",
  "audit_events.action",
  "audit_events.target_type",
  "audit_events.target_id",
  "audit_events.target_name",
  "audit_events.address",
  "audit_events.detail",
  "seen_signatures.signature",
  "smtp_settings.host",
  "smtp_settings.security",
  "smtp_settings.username",
  "smtp_settings.from_address",
  "smtp_settings.from_name",
]);

const secrets = () => secretColumnNames().map((c) => `${c.table}.${c.column}`);

describe("the registry of encrypted columns", () => {
  it("classifies every text column of db/schema.ts as secret or not", () => {
    const textColumns = (Object.values(schema) as unknown[])
      .filter((value): value is SQLiteTable => is(value, SQLiteTable))
      .flatMap((table) =>
        getTableConfig(table)
          .columns.filter((c) => is(c, SQLiteText))
          .map((c) => `${getTableName(table)}.${c.name}`),
      );
    const unclassified = textColumns.filter((name) => !NOT_SECRET.has(name) && !secrets().includes(name));
    expect(unclassified).toEqual([]);
    expect(secrets().filter((name) => NOT_SECRET.has(name))).toEqual([]);
  });

  describe("against stored values", () => {
    const db = useTempDatabase();

    it("lists exactly the columns whose stored values are encrypted", () => {
      createApiKey("chat");
      saveSmtpSettings({
        host: "smtp.example.com",
        port: 587,
        security: "starttls",
        username: "u",
        password: "pw",
        fromAddress: "a@example.com",
        fromName: "알리미",
      });
      insertDestination({
        messenger: "slack",
        name: "n",
        webhookUrl: "https://hooks.slack.com/services/T1/B1/x",
        channel: null,
        topic: null,
        enabled: true,
        allowPrivateNetwork: false,
      });
      const sqlite = db().$client;
      const tables = sqlite
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
        .pluck()
        .all() as string[];
      const encrypted = tables.flatMap((table) =>
        (sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[])
          .filter((column) => sqlite.prepare(`select 1 from "${table}" where "${column}" like 'enc:v1:%' limit 1`).get())
          .map((column) => `${table}.${column}`),
      );
      expect(encrypted.sort()).toEqual(secrets().sort());
    });
  });
});
