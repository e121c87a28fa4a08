import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { MESSENGER_IDS } from "@/lib/messengers/ids";

// Timestamps are integers (epoch ms) throughout.
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  /** 관리자 changes everything; 뷰어 only reads (URLs masked, no actions) */
  role: text("role", { enum: ["admin", "viewer"] })
    .notNull()
    .default("admin"),
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
  /** Mattermost on an intranet: the admin explicitly allowed a private address (사내망 주소 허용) */
  allowPrivateNetwork: integer("allow_private_network", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at").notNull().default(now),
  updatedAt: integer("updated_at").notNull().default(now),
  /** the last 테스트 전송, shown in the list */
  lastTestAt: integer("last_test_at"),
  lastTestOk: integer("last_test_ok", { mode: "boolean" }),
  lastTestStatus: integer("last_test_status"),
  lastTestCode: text("last_test_code"),
  /** health: 자동 중지 sets pausedAt with the reason; 다시 사용 clears it */
  pausedAt: integer("paused_at"),
  pauseCode: text("pause_code"),
  pauseReason: text("pause_reason"),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  firstFailureAt: integer("first_failure_at"),
  lastSuccessAt: integer("last_success_at"),
  lastFailureAt: integer("last_failure_at"),
  lastFailureCode: text("last_failure_code"),
  lastFailureReason: text("last_failure_reason"),
  /**
   * Pacing (GCRA): the theoretical arrival time of the next send. A send may go when
   * paceTat - burst × interval ≤ now. Also pushed forward by retry backoff and Retry-After,
   * so a failing destination waits as a whole and its alerts keep their order.
   */
  paceTat: integer("pace_tat").notNull().default(0),
  /** 받을 알림 (lib/destinations/routing.ts) as JSON; null: every event, channel and team */
  routing: text("routing"),
});

/** 설정 > 앱관리 > 상담 안내: one row (id = 1) of workspace-wide alert settings. */
export const workspaceSettings = sqliteTable("workspace_settings", {
  id: integer("id").primaryKey(),
  notifyMessageSubmitted: integer("notify_message_submitted", { mode: "boolean" }).notNull().default(true),
  notifySessionWaiting: integer("notify_session_waiting", { mode: "boolean" }).notNull().default(true),
  notifySessionAssigned: integer("notify_session_assigned", { mode: "boolean" }).notNull().default(true),
  alertLocale: text("alert_locale", { enum: ["ko", "en"] })
    .notNull()
    .default("ko"),
  timeZone: text("time_zone").notNull().default("Asia/Seoul"),
  /** 실패 알림: the destination told when another one is paused or recovers */
  failureAlertDestinationId: text("failure_alert_destination_id"),
  updatedAt: integer("updated_at").notNull().default(now),
});

export const apiKeys = sqliteTable("api_keys", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  /** the first characters of the key, shown so admins can tell keys apart; also the signed-request key id */
  prefix: text("prefix").notNull().unique(),
  /** for signed requests: the HMAC secret, encrypted like webhook URLs (it must be readable to verify) */
  signingSecret: text("signing_secret"),
  /** sha256 of the whole key; the key itself is shown once and never stored */
  keyHash: text("key_hash").notNull().unique(),
  createdAt: integer("created_at").notNull().default(now),
  lastUsedAt: integer("last_used_at"),
  revokedAt: integer("revoked_at"),
});

export const alerts = sqliteTable(
  "alerts",
  {
    id: text("id").primaryKey(),
    event: text("event").notNull(),
    /** the validated InquiryAlert as JSON: what every delivery of it renders */
    payload: text("payload").notNull(),
    /**
     * queued: deliveries were created; skipped: the event's 상담 안내 switch was off;
     * unmatched: destinations were enabled but none's 받을 알림 took it
     */
    status: text("status", { enum: ["queued", "skipped", "unmatched"] }).notNull(),
    apiKeyId: integer("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [
    index("alerts_created_idx").on(t.createdAt),
    // 개요: alerts per event and time bucket are range counts on this, with no table reads.
    index("alerts_event_created_idx").on(t.event, t.createdAt, t.status),
  ],
);

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

export const deliveries = sqliteTable(
  "deliveries",
  {
    id: text("id").primaryKey(),
    alertId: text("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    /** kept (not cascaded) when a destination is deleted, so the log still tells what happened */
    destinationId: text("destination_id").notNull(),
    messenger: text("messenger", { enum: MESSENGER_IDS }).notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** a claimed delivery belongs to one sender until this time; a crash lets it expire */
    leaseUntil: integer("lease_until"),
    lastStatus: integer("last_status"),
    lastCode: text("last_code"),
    lastMessage: text("last_message"),
    deliveredAt: integer("delivered_at"),
    /** set when this alert went out inside a burst digest: the digest's id, shared by its alerts */
    digestId: text("digest_id"),
    createdAt: integer("created_at").notNull().default(now),
  },
  (t) => [
    index("deliveries_alert_idx").on(t.alertId),
    // Each destination's queue in the order alerts were accepted: the worker claims the oldest
    // first and stops after a digest's worth, whatever the backlog. (next_attempt_at is only
    // ever "now" when a delivery becomes pending; backoff lives in destinations.pace_tat.)
    index("deliveries_queue_idx").on(t.destinationId, t.status, t.createdAt, t.id),
    // Few rows carry a lease at any time: this keeps "is anything in flight?" an index probe.
    index("deliveries_lease_idx").on(t.leaseUntil, t.destinationId).where(sql`${t.leaseUntil} is not null`),
  ],
);

// 개요's counters, kept by triggers on deliveries (migration 0010_overview_rollups: insert,
// delete — pruning cascades — and every update of a column they depend on), so no code path
// that writes deliveries can leave them behind. Both are keyed by the UTC hour the alert was
// accepted in (deliveries.created_at); db/queries/overview-stats.ts reads whole hours from
// here and the rows of any partial hour at a window's edges from deliveries.

/** Deliveries per hour, destination and outcome now (failed ones by reason). */
export const deliveryOutcomeStats = sqliteTable(
  "delivery_outcome_stats",
  {
    hourStart: integer("hour_start").notNull(),
    destinationId: text("destination_id").notNull(),
    messenger: text("messenger").notNull(),
    /** delivered, failed, retrying (pending after an attempt) or waiting (pending, not tried) */
    outcome: text("outcome").notNull(),
    /** failed: the messenger's code, http_<status> or network; '' otherwise */
    code: text("code").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.hourStart, t.destinationId, t.messenger, t.outcome, t.code] })],
);

/**
 * Time to notify of the delivered deliveries per hour and messenger, as a histogram: a JSON
 * object {bin: count}. Bin 0 holds latencies under 1 ms; bin b ≥ 1 holds [1.05^(b−1), 1.05^b)
 * ms, so a percentile read from it is within 5 % of the exact one. One row per hour and
 * messenger (not per bin) keeps 30 days a few thousand rows to read.
 */
export const deliveryLatencyStats = sqliteTable(
  "delivery_latency_stats",
  {
    hourStart: integer("hour_start").notNull(),
    messenger: text("messenger").notNull(),
    bins: text("bins").notNull(),
  },
  (t) => [primaryKey({ columns: [t.hourStart, t.messenger] })],
);

export const deliveryAttempts = sqliteTable(
  "delivery_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    at: integer("at").notNull(),
    outcome: text("outcome", { enum: ["delivered", "retry", "permanent"] }).notNull(),
    httpStatus: integer("http_status"),
    code: text("code"),
    message: text("message"),
    bodySnippet: text("body_snippet"),
    latencyMs: integer("latency_ms").notNull(),
    digestId: text("digest_id"),
  },
  (t) => [index("delivery_attempts_delivery_idx").on(t.deliveryId)],
);

/** Idempotency-Key (or body id) per API key: the first answer, replayed for 24 h. */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    key: text("key").primaryKey(),
    alertId: text("alert_id").notNull(),
    response: text("response").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("idempotency_created_idx").on(t.createdAt)],
);

/** Fixed-window request counters shared by every process on this database. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

/** 감사 기록: who did what to which destination, key or account, from where. Never secrets. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actor: text("actor"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetName: text("target_name"),
    address: text("address"),
    detail: text("detail"),
  },
  (t) => [index("audit_events_at_idx").on(t.at)],
);

/** Signed requests seen in the last few minutes: a replay of one is refused. */
export const seenSignatures = sqliteTable(
  "seen_signatures",
  {
    signature: text("signature").primaryKey(),
    at: integer("at").notNull(),
  },
  (t) => [index("seen_signatures_at_idx").on(t.at)],
);

export const SMTP_SECURITY = ["none", "starttls", "tls"] as const;

/**
 * 설정 › 연동 › 이메일 서버: one row (id = 1), the SMTP server every 이메일 destination sends
 * through. The password is sealed like webhook URLs (lib/crypto/secret-columns.ts).
 */
export const smtpSettings = sqliteTable("smtp_settings", {
  id: integer("id").primaryKey(),
  host: text("host").notNull(),
  port: integer("port").notNull(),
  /** 보안 연결: none (loopback tests only), starttls (587), tls (465) */
  security: text("security", { enum: SMTP_SECURITY }).notNull(),
  username: text("username"),
  password: text("password"),
  fromAddress: text("from_address").notNull(),
  fromName: text("from_name").notNull(),
  /** bumps on every save: the sender keeps one pooled transport per version */
  updatedAt: integer("updated_at").notNull(),
});
