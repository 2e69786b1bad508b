ALTER TABLE `messages` ADD `reply_to` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `raw_sha256` text;--> statement-breakpoint
-- drizzle-kit leaves the ON DELETE action out of ADD COLUMN; without it, deleting the earlier message would fail.
ALTER TABLE `messages` ADD `message_id_seen_on_id` integer REFERENCES messages(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `messages_mailbox_source_idx` ON `messages` (`mailbox_id`,`raw_sha256`);--> statement-breakpoint
-- Incoming messages already filed: their source is stored by its SHA-256, the last 64 characters of its path.
UPDATE `messages` SET `raw_sha256` = substr(`raw_path`, -64) WHERE `direction` = 'in' AND `raw_path` IS NOT NULL;
