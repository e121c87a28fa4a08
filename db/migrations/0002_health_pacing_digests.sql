ALTER TABLE `deliveries` ADD `digest_id` text;--> statement-breakpoint
CREATE INDEX `deliveries_destination_due_idx` ON `deliveries` (`destination_id`,`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `delivery_attempts` ADD `digest_id` text;--> statement-breakpoint
ALTER TABLE `destinations` ADD `paused_at` integer;--> statement-breakpoint
ALTER TABLE `destinations` ADD `pause_code` text;--> statement-breakpoint
ALTER TABLE `destinations` ADD `pause_reason` text;--> statement-breakpoint
ALTER TABLE `destinations` ADD `consecutive_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `destinations` ADD `first_failure_at` integer;--> statement-breakpoint
ALTER TABLE `destinations` ADD `last_success_at` integer;--> statement-breakpoint
ALTER TABLE `destinations` ADD `last_failure_at` integer;--> statement-breakpoint
ALTER TABLE `destinations` ADD `last_failure_code` text;--> statement-breakpoint
ALTER TABLE `destinations` ADD `last_failure_reason` text;--> statement-breakpoint
ALTER TABLE `destinations` ADD `pace_tat` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace_settings` ADD `failure_alert_destination_id` text;