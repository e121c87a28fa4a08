CREATE TABLE `smtp_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`host` text NOT NULL,
	`port` integer NOT NULL,
	`security` text NOT NULL,
	`username` text,
	`password` text,
	`from_address` text NOT NULL,
	`from_name` text NOT NULL,
	`updated_at` integer NOT NULL
);
