CREATE TABLE `delivery_latency_stats` (
	`hour_start` integer NOT NULL,
	`messenger` text NOT NULL,
	`bins` text NOT NULL,
	PRIMARY KEY(`hour_start`, `messenger`)
);
--> statement-breakpoint
CREATE TABLE `delivery_outcome_stats` (
	`hour_start` integer NOT NULL,
	`destination_id` text NOT NULL,
	`messenger` text NOT NULL,
	`outcome` text NOT NULL,
	`code` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`hour_start`, `destination_id`, `messenger`, `outcome`, `code`)
);
--> statement-breakpoint
DROP INDEX `deliveries_overview_idx`;
--> statement-breakpoint
-- Backfill from the deliveries already stored, then keep the counters by triggers. Only settled
-- deliveries (delivered, failed) are counted: the few still pending are read live by the overview
-- (the queue index), so accepting an alert, the hot path, writes no counter at all.
INSERT INTO delivery_outcome_stats (hour_start, destination_id, messenger, outcome, code, count)
SELECT d.created_at - d.created_at % 3600000, d.destination_id, d.messenger, case d.status when 'pending' then case when d.attempts > 0 then 'retrying' else 'waiting' end else d.status end, case when d.status = 'failed' then coalesce(d.last_code, 'http_' || d.last_status, 'network') else '' end, count(*)
FROM deliveries d WHERE d.status <> 'pending' GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO delivery_latency_stats (hour_start, messenger, bins)
SELECT hour_start, messenger, json_group_object(bin, n) FROM (
  SELECT d.created_at - d.created_at % 3600000 AS hour_start, d.messenger, cast(case when d.delivered_at - d.created_at < 1 then 0 else 1 + cast(ln(d.delivered_at - d.created_at) / ln(1.05) as integer) end as text) AS bin, count(*) AS n
  FROM deliveries d WHERE d.status = 'delivered' AND d.delivered_at IS NOT NULL GROUP BY 1, 2, 3)
WHERE true GROUP BY hour_start, messenger;
--> statement-breakpoint
CREATE TRIGGER deliveries_stats_insert AFTER INSERT ON deliveries WHEN new.status <> 'pending' BEGIN
  insert into delivery_outcome_stats (hour_start, destination_id, messenger, outcome, code, count)
  values (new.created_at - new.created_at % 3600000, new.destination_id, new.messenger,
          case new.status when 'pending' then case when new.attempts > 0 then 'retrying' else 'waiting' end else new.status end,
          case when new.status = 'failed' then coalesce(new.last_code, 'http_' || new.last_status, 'network') else '' end, 1)
  on conflict (hour_start, destination_id, messenger, outcome, code) do update set count = count + excluded.count;
  insert into delivery_latency_stats (hour_start, messenger, bins)
  select new.created_at - new.created_at % 3600000, new.messenger, json_object(cast(case when new.delivered_at - new.created_at < 1 then 0 else 1 + cast(ln(new.delivered_at - new.created_at) / ln(1.05) as integer) end as text), 1)
  where new.status = 'delivered' and new.delivered_at is not null
  on conflict (hour_start, messenger) do update
  set bins = json_set(bins, '$."' || (case when new.delivered_at - new.created_at < 1 then 0 else 1 + cast(ln(new.delivered_at - new.created_at) / ln(1.05) as integer) end) || '"',
                      coalesce(json_extract(bins, '$."' || (case when new.delivered_at - new.created_at < 1 then 0 else 1 + cast(ln(new.delivered_at - new.created_at) / ln(1.05) as integer) end) || '"'), 0) + 1);
END;
--> statement-breakpoint
CREATE TRIGGER deliveries_stats_delete AFTER DELETE ON deliveries WHEN old.status <> 'pending' BEGIN
  insert into delivery_outcome_stats (hour_start, destination_id, messenger, outcome, code, count)
  values (old.created_at - old.created_at % 3600000, old.destination_id, old.messenger,
          case old.status when 'pending' then case when old.attempts > 0 then 'retrying' else 'waiting' end else old.status end,
          case when old.status = 'failed' then coalesce(old.last_code, 'http_' || old.last_status, 'network') else '' end, -1)
  on conflict (hour_start, destination_id, messenger, outcome, code) do update set count = count + excluded.count;
  insert into delivery_latency_stats (hour_start, messenger, bins)
  select old.created_at - old.created_at % 3600000, old.messenger, json_object(cast(case when old.delivered_at - old.created_at < 1 then 0 else 1 + cast(ln(old.delivered_at - old.created_at) / ln(1.05) as integer) end as text), -1)
  where old.status = 'delivered' and old.delivered_at is not null
  on conflict (hour_start, messenger) do update
  set bins = json_set(bins, '$."' || (case when old.delivered_at - old.created_at < 1 then 0 else 1 + cast(ln(old.delivered_at - old.created_at) / ln(1.05) as integer) end) || '"',
                      coalesce(json_extract(bins, '$."' || (case when old.delivered_at - old.created_at < 1 then 0 else 1 + cast(ln(old.delivered_at - old.created_at) / ln(1.05) as integer) end) || '"'), 0) + -1);
END;
--> statement-breakpoint
CREATE TRIGGER deliveries_stats_update AFTER UPDATE OF status, attempts, last_code, last_status, delivered_at, created_at, destination_id, messenger ON deliveries
WHEN (old.status <> 'pending' OR new.status <> 'pending') AND ((case old.status when 'pending' then case when old.attempts > 0 then 'retrying' else 'waiting' end else old.status end) IS NOT (case new.status when 'pending' then case when new.attempts > 0 then 'retrying' else 'waiting' end else new.status end)
  OR (case when old.status = 'failed' then coalesce(old.last_code, 'http_' || old.last_status, 'network') else '' end) IS NOT (case when new.status = 'failed' then coalesce(new.last_code, 'http_' || new.last_status, 'network') else '' end)
  OR old.delivered_at IS NOT new.delivered_at OR old.created_at IS NOT new.created_at
  OR old.destination_id IS NOT new.destination_id OR old.messenger IS NOT new.messenger)
BEGIN
  insert into delivery_outcome_stats (hour_start, destination_id, messenger, outcome, code, count)
  select old.created_at - old.created_at % 3600000, old.destination_id, old.messenger, old.status,
         case when old.status = 'failed' then coalesce(old.last_code, 'http_' || old.last_status, 'network') else '' end, -1
  where old.status <> 'pending'
  on conflict (hour_start, destination_id, messenger, outcome, code) do update set count = count + excluded.count;
  insert into delivery_latency_stats (hour_start, messenger, bins)
  select old.created_at - old.created_at % 3600000, old.messenger, json_object(cast(case when old.delivered_at - old.created_at < 1 then 0 else 1 + cast(ln(old.delivered_at - old.created_at) / ln(1.05) as integer) end as text), -1)
  where old.status = 'delivered' and old.delivered_at is not null
  on conflict (hour_start, messenger) do update
  set bins = json_set(bins, '$."' || (case when old.delivered_at - old.created_at < 1 then 0 else 1 + cast(ln(old.delivered_at - old.created_at) / ln(1.05) as integer) end) || '"',
                      coalesce(json_extract(bins, '$."' || (case when old.delivered_at - old.created_at < 1 then 0 else 1 + cast(ln(old.delivered_at - old.created_at) / ln(1.05) as integer) end) || '"'), 0) + -1);
  insert into delivery_outcome_stats (hour_start, destination_id, messenger, outcome, code, count)
  select new.created_at - new.created_at % 3600000, new.destination_id, new.messenger, new.status,
         case when new.status = 'failed' then coalesce(new.last_code, 'http_' || new.last_status, 'network') else '' end, 1
  where new.status <> 'pending'
  on conflict (hour_start, destination_id, messenger, outcome, code) do update set count = count + excluded.count;
  insert into delivery_latency_stats (hour_start, messenger, bins)
  select new.created_at - new.created_at % 3600000, new.messenger, json_object(cast(case when new.delivered_at - new.created_at < 1 then 0 else 1 + cast(ln(new.delivered_at - new.created_at) / ln(1.05) as integer) end as text), 1)
  where new.status = 'delivered' and new.delivered_at is not null
  on conflict (hour_start, messenger) do update
  set bins = json_set(bins, '$."' || (case when new.delivered_at - new.created_at < 1 then 0 else 1 + cast(ln(new.delivered_at - new.created_at) / ln(1.05) as integer) end) || '"',
                      coalesce(json_extract(bins, '$."' || (case when new.delivered_at - new.created_at < 1 then 0 else 1 + cast(ln(new.delivered_at - new.created_at) / ln(1.05) as integer) end) || '"'), 0) + 1);
END;
