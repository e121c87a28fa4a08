import type Database from "better-sqlite3";
import { MESSENGER_IDS } from "@/lib/messengers/ids";

// A month of history for the 개요 benchmark, written straight into the migrated schema with a
// few INSERT … SELECT over recursive CTEs (one transaction): a million deliveries in seconds,
// where going through the API would take most of an hour.
//
// Shape: one destination per messenger, every alert to all of them; alerts evenly spread over
// `days` (so any window holds its share); 3 % of alerts skipped (no deliveries); per delivery
// ~95 % delivered after 3–2,000 ms (skewed low), ~3 % failed with a messenger code, ~1 % retrying,
// the rest pending. The latest alert is at `now`.

const EVENTS = ["message.submitted", "session.waiting", "session.assigned"];
const CODES = ["no_service", "channel_not_found", "40051", "timeout", "web.incoming_webhook.invalid.app_error"];
const PAYLOAD = JSON.stringify({
  event: "message.submitted",
  session: { id: "s_bench", url: "https://chat.example.com/ws/sessions/s_bench", channel: "web" },
  customer: { name: "홍길동", email: "hong@example.com" },
  message: "배송 문의드립니다. 주문번호 20261123-0001 확인 부탁드립니다.",
});

export function fillOverviewHistory(sqlite: Database.Database, deliveriesWanted: number, now: number, days = 30) {
  const destinations = MESSENGER_IDS.map((m, i) => ({ id: `dst_bench_${i}`, messenger: m }));
  const alertsCount = Math.ceil(deliveriesWanted / destinations.length / 0.97);
  const spanMs = days * 86_400_000;
  sqlite.transaction(() => {
    const insertDestination = sqlite.prepare(
      `insert into destinations (id, messenger, name, webhook_url, enabled) values (?, ?, ?, 'encrypted-elsewhere', 1)`,
    );
    for (const d of destinations) insertDestination.run(d.id, d.messenger, `bench ${d.messenger}`);
    // Alert n is accepted at now - span + (n + 1) · span / count; ids keep the time-first shape.
    sqlite
      .prepare(
        `with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < @count)
         insert into alerts (id, event, payload, status, created_at)
         select printf('alr_%012d', i), json_extract(@events, '$[' || (i % 3) || ']'), @payload,
                case when i % 100 < 3 then 'skipped' else 'queued' end,
                cast(@now - @span + (i + 1) * @span / @count as integer)
         from n`,
      )
      .run({ count: alertsCount, events: JSON.stringify(EVENTS), payload: PAYLOAD, now, span: spanMs });
    // Deliveries: a hash of (alert number, destination) picks the outcome and latency, so every
    // run fills the same history.
    sqlite
      .prepare(
        `insert into deliveries (id, alert_id, destination_id, messenger, status, attempts, next_attempt_at,
                                 last_code, delivered_at, created_at)
         select 'dlv_' || substr(id, 5) || '_' || k, id, destination, messenger,
                case when x < 950 then 'delivered' when x < 980 then 'failed' else 'pending' end,
                case when x < 950 then 1 when x < 980 then 3 when x < 990 then 2 else 0 end,
                created_at,
                case when x >= 950 and x < 980 then json_extract(@codes, '$[' || (x % 5) || ']') end,
                case when x < 950 then created_at + 3 + (y * y) / 500000000 end,
                created_at
         from (select id, created_at, k, destination, messenger, h % 1000 as x, (h / 1000) % 1000000 as y
               from (select a.id, a.created_at, d.key as k, json_extract(d.value, '$.id') as destination,
                            json_extract(d.value, '$.messenger') as messenger,
                            ((cast(substr(a.id, 5) as integer) * 6 + d.key) * 2654435761) % 4294967296 as h
                     from alerts a, json_each(@destinations) d where a.status = 'queued'))`,
      )
      .run({ destinations: JSON.stringify(destinations), codes: JSON.stringify(CODES) });
  })();
  const { n } = sqlite.prepare(`select count(*) as n from deliveries`).get() as { n: number };
  return { alerts: alertsCount, deliveries: n };
}
