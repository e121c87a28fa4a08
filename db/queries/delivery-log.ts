import { getDb } from "../client";

// The 발송 기록 queries. Keyset pagination on (created_at, id) keeps every page an index walk,
// however many alerts there are; delivery filters are EXISTS probes on deliveries(alert_id).

export const PAGE_SIZE = 50;

export interface LogFilters {
  messenger?: string;
  destinationId?: string;
  status?: "pending" | "delivered" | "failed";
  from?: number;
  to?: number;
  /** keyset cursor: alerts strictly older than this (createdAt, id) */
  before?: { createdAt: number; id: string };
}

export interface LogAlert {
  id: string;
  event: string;
  status: string;
  createdAt: number;
  customer: string | null;
  deliveries: {
    id: string;
    destinationId: string;
    destinationName: string | null;
    messenger: string;
    status: string;
    attempts: number;
    lastStatus: number | null;
    lastCode: string | null;
    digestId: string | null;
  }[];
}

export function listLog(filters: LogFilters): { alerts: LogAlert[]; next: { createdAt: number; id: string } | null } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const deliveryConditions: string[] = [];
  if (filters.messenger) {
    deliveryConditions.push("d.messenger = @messenger");
    params.messenger = filters.messenger;
  }
  if (filters.destinationId) {
    deliveryConditions.push("d.destination_id = @destination");
    params.destination = filters.destinationId;
  }
  if (filters.status) {
    deliveryConditions.push("d.status = @status");
    params.status = filters.status;
  }
  if (deliveryConditions.length > 0) {
    where.push(`exists (select 1 from deliveries d where d.alert_id = a.id and ${deliveryConditions.join(" and ")})`);
  }
  if (filters.from !== undefined) {
    where.push("a.created_at >= @from");
    params.from = filters.from;
  }
  if (filters.to !== undefined) {
    where.push("a.created_at < @to");
    params.to = filters.to;
  }
  if (filters.before) {
    where.push("(a.created_at < @beforeAt or (a.created_at = @beforeAt and a.id < @beforeId))");
    params.beforeAt = filters.before.createdAt;
    params.beforeId = filters.before.id;
  }
  const { $client } = getDb();
  const rows = $client
    .prepare(
      `select a.id, a.event, a.status, a.created_at as createdAt,
              json_extract(a.payload, '$.customer.name') as customer
       from alerts a ${where.length ? `where ${where.join(" and ")}` : ""}
       order by a.created_at desc, a.id desc limit ${PAGE_SIZE + 1}`,
    )
    .all(params) as Omit<LogAlert, "deliveries">[];
  const page = rows.slice(0, PAGE_SIZE);
  const deliveriesByAlert = new Map<string, LogAlert["deliveries"]>();
  if (page.length > 0) {
    const list = $client
      .prepare(
        `select d.alert_id as alertId, d.id, d.destination_id as destinationId, s.name as destinationName, d.messenger,
                d.status, d.attempts, d.last_status as lastStatus, d.last_code as lastCode, d.digest_id as digestId
         from deliveries d left join destinations s on s.id = d.destination_id
         where d.alert_id in (${page.map(() => "?").join(",")}) order by d.created_at`,
      )
      .all(...page.map((a) => a.id)) as (LogAlert["deliveries"][number] & { alertId: string })[];
    for (const { alertId, ...d } of list) {
      deliveriesByAlert.set(alertId, [...(deliveriesByAlert.get(alertId) ?? []), d]);
    }
  }
  const last = page.at(-1);
  return {
    alerts: page.map((a) => ({ ...a, deliveries: deliveriesByAlert.get(a.id) ?? [] })),
    next: rows.length > PAGE_SIZE && last ? { createdAt: last.createdAt, id: last.id } : null,
  };
}

export function getAlertDetail(alertId: string) {
  const { $client } = getDb();
  const alert = $client.prepare(`select id, event, status, payload, created_at as createdAt from alerts where id = ?`).get(alertId) as
    | { id: string; event: string; status: string; payload: string; createdAt: number }
    | undefined;
  if (!alert) return undefined;
  const deliveries = $client
    .prepare(
      `select d.id, d.destination_id as destinationId, s.name as destinationName, d.messenger, d.status, d.attempts,
              d.next_attempt_at as nextAttemptAt, s.pace_tat as paceTat, s.paused_at as pausedAt, d.digest_id as digestId,
              d.last_code as lastCode, d.last_message as lastMessage
       from deliveries d left join destinations s on s.id = d.destination_id where d.alert_id = ? order by d.created_at`,
    )
    .all(alertId) as {
    id: string;
    destinationId: string;
    destinationName: string | null;
    messenger: string;
    status: string;
    attempts: number;
    nextAttemptAt: number;
    paceTat: number | null;
    pausedAt: number | null;
    digestId: string | null;
    lastCode: string | null;
    lastMessage: string | null;
  }[];
  const attempts = $client
    .prepare(
      `select t.delivery_id as deliveryId, t.at, t.outcome, t.http_status as httpStatus, t.code, t.message,
              t.body_snippet as bodySnippet, t.latency_ms as latencyMs, t.digest_id as digestId
       from delivery_attempts t join deliveries d on d.id = t.delivery_id where d.alert_id = ? order by t.id`,
    )
    .all(alertId) as {
    deliveryId: string;
    at: number;
    outcome: string;
    httpStatus: number | null;
    code: string | null;
    message: string | null;
    bodySnippet: string | null;
    latencyMs: number;
    digestId: string | null;
  }[];
  return { alert, deliveries, attempts };
}

/**
 * 재전송: a failed delivery goes back into the queue (its destination's pace and health apply).
 * Not for a destination that is switched off or gone: it would only fail again.
 */
export function requeueDelivery(id: string, now: number): "ok" | "not_failed" | "destination_off" {
  const { $client } = getDb();
  const row = $client
    .prepare(`select d.status, s.enabled from deliveries d left join destinations s on s.id = d.destination_id where d.id = ?`)
    .get(id) as { status: string; enabled: number | null } | undefined;
  if (row?.status !== "failed") return "not_failed";
  if (!row.enabled) return "destination_off";
  $client
    .prepare(
      `update deliveries set status = 'pending', next_attempt_at = ?, lease_until = null, delivered_at = null where id = ? and status = 'failed'`,
    )
    .run(now, id);
  return "ok";
}
