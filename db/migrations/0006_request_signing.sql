CREATE TABLE `seen_signatures` (
	`signature` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `seen_signatures_at_idx` ON `seen_signatures` (`at`);--> statement-breakpoint
ALTER TABLE `api_keys` ADD `signing_secret` text;--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_prefix_unique` ON `api_keys` (`prefix`);