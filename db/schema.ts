import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { MESSENGER_IDS } from "@/lib/messengers/ids";

// Timestamps are integers (epoch ms) throughout.
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  createdAt: integer("created_at").notNull().default(now),
});

export const sessions = sqliteTable(
  "sessions",
  {
    /** sha256 of the cookie token: a stolen database file cannot be replayed as a cookie */
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull().default(now),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_expires_idx").on(t.expiresAt)],
);

export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    address: text("address").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("login_failures_address_at_idx").on(t.address, t.at)],
);

export const destinations = sqliteTable("destinations", {
  id: text("id").primaryKey(),
  messenger: text("messenger", { enum: MESSENGER_IDS }).notNull(),
  name: text("name").notNull(),
  webhookUrl: text("webhook_url").notNull(),
  channel: text("channel"),
  topic: text("topic"),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at").notNull().default(now),
  updatedAt: integer("updated_at").notNull().default(now),
});
