DROP INDEX `deliveries_due_idx`;--> statement-breakpoint
DROP INDEX `deliveries_destination_due_idx`;--> statement-breakpoint
CREATE INDEX `deliveries_queue_idx` ON `deliveries` (`destination_id`,`status`,`created_at`,`id`);