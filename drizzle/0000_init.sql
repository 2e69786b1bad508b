CREATE TABLE `agents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`email` text,
	`may_change_recipient` integer DEFAULT false NOT NULL,
	`signature_html` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agents_login_unique` ON `agents` (`login`);--> statement-breakpoint
CREATE TABLE `mailboxes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`sender_name` text NOT NULL,
	`imap_host` text NOT NULL,
	`imap_port` integer NOT NULL,
	`imap_tls` text NOT NULL,
	`imap_user` text NOT NULL,
	`smtp_host` text NOT NULL,
	`smtp_port` integer NOT NULL,
	`smtp_tls` text NOT NULL,
	`smtp_user` text NOT NULL,
	`secret_key` text NOT NULL,
	`queue_id` integer NOT NULL,
	`inbox_folder` text DEFAULT 'INBOX' NOT NULL,
	`sent_folder` text DEFAULT 'Sent' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`queue_id`) REFERENCES `queues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mailboxes_address_unique` ON `mailboxes` (`address`);--> statement-breakpoint
CREATE TABLE `queue_members` (
	`queue_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `agent_id`),
	FOREIGN KEY (`queue_id`) REFERENCES `queues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `queue_members_agent_idx` ON `queue_members` (`agent_id`);--> statement-breakpoint
CREATE TABLE `queues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`media` text NOT NULL,
	`distribution` text NOT NULL,
	`mailbox_id` integer,
	`allowed_actions` text,
	`acknowledgement_text` text,
	`waiting_message_text` text,
	`waiting_delay_hours` integer,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `queues_name_unique` ON `queues` (`name`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `form_fields` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`required` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	`options` text,
	FOREIGN KEY (`form_id`) REFERENCES `forms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `form_fields_form_key` ON `form_fields` (`form_id`,`key`);--> statement-breakpoint
CREATE INDEX `form_fields_position_idx` ON `form_fields` (`form_id`,`position`);--> statement-breakpoint
CREATE TABLE `forms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`media` text NOT NULL,
	`standard` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forms_name_unique` ON `forms` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `forms_one_standard_per_media` ON `forms` (`media`) WHERE "forms"."standard" = 1;--> statement-breakpoint
CREATE TABLE `qualifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`label` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `qualifications`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `qualifications_parent_idx` ON `qualifications` (`parent_id`,`position`);--> statement-breakpoint
CREATE TABLE `routing_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`conditions` text NOT NULL,
	`queue_id` integer,
	`qualification_id` integer,
	`priority` integer,
	FOREIGN KEY (`queue_id`) REFERENCES `queues`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`qualification_id`) REFERENCES `qualifications`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `routing_rules_position_idx` ON `routing_rules` (`position`);--> statement-breakpoint
CREATE TABLE `template_themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `template_themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `template_themes_parent_idx` ON `template_themes` (`parent_id`,`position`);--> statement-breakpoint
CREATE TABLE `templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`theme_id` integer NOT NULL,
	`title` text NOT NULL,
	`body_html` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `template_themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `templates_theme_idx` ON `templates` (`theme_id`,`position`);--> statement-breakpoint
CREATE TABLE `address_book_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`civility` text DEFAULT 'monsieur' NOT NULL,
	`last_name` text NOT NULL,
	`first_name` text NOT NULL,
	`email` text NOT NULL,
	`email_normalized` text NOT NULL,
	`organisation` text,
	`contact_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `address_book_entries_email_normalized_unique` ON `address_book_entries` (`email_normalized`);--> statement-breakpoint
CREATE INDEX `address_book_name_idx` ON `address_book_entries` (`last_name`,`first_name`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`civility` text DEFAULT 'monsieur' NOT NULL,
	`last_name` text NOT NULL,
	`first_name` text NOT NULL,
	`company` text,
	`street` text,
	`lieu_dit` text,
	`residence` text,
	`building` text,
	`postal_code` text,
	`city` text,
	`country` text DEFAULT 'FR' NOT NULL,
	`birth_date` text,
	`mobile` text,
	`landline` text,
	`other_phone` text,
	`fax` text,
	`email` text,
	`email_normalized` text,
	`missing_document_date` text,
	`contact_identifier` text,
	`contract_number` text,
	`subscriber_reference` text,
	`order_number` text,
	`comment` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `contacts_email_normalized_unique` ON `contacts` (`email_normalized`);--> statement-breakpoint
CREATE INDEX `contacts_name_idx` ON `contacts` (`last_name`,`first_name`);--> statement-breakpoint
CREATE TABLE `case_fields` (
	`case_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`case_id`, `key`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`subject` text NOT NULL,
	`state` text NOT NULL,
	`queue_id` integer NOT NULL,
	`assignee_id` integer,
	`offered_to_id` integer,
	`offered_at` text,
	`form_id` integer NOT NULL,
	`qualification_id` integer,
	`contact_id` integer NOT NULL,
	`question_html` text NOT NULL,
	`question_text` text NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`unread` integer DEFAULT false NOT NULL,
	`closed_by_id` integer,
	`merged_into_id` integer,
	`waiting_notice_sent_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`received_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`queue_id`) REFERENCES `queues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignee_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offered_to_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`form_id`) REFERENCES `forms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`qualification_id`) REFERENCES `qualifications`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_number_unique` ON `cases` (`number`);--> statement-breakpoint
CREATE INDEX `cases_assignee_state_idx` ON `cases` (`assignee_id`,`state`);--> statement-breakpoint
CREATE INDEX `cases_queue_state_assignee_idx` ON `cases` (`queue_id`,`state`,`assignee_id`);--> statement-breakpoint
CREATE INDEX `cases_state_received_idx` ON `cases` (`state`,`received_at`);--> statement-breakpoint
CREATE INDEX `cases_received_idx` ON `cases` (`received_at`);--> statement-breakpoint
CREATE INDEX `cases_contact_idx` ON `cases` (`contact_id`);--> statement-breakpoint
CREATE INDEX `cases_merged_into_idx` ON `cases` (`merged_into_id`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`subject` text,
	`html` text NOT NULL,
	`to` text NOT NULL,
	`cc` text NOT NULL,
	`bcc` text NOT NULL,
	`attachment_ids` text NOT NULL,
	`saved_by_id` integer NOT NULL,
	`saved_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`saved_by_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_case_id_unique` ON `drafts` (`case_id`);--> statement-breakpoint
CREATE TABLE `history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`agent_id` integer,
	`action` text NOT NULL,
	`state_before` text,
	`state_after` text NOT NULL,
	`at` text NOT NULL,
	`detail` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `history_case_idx` ON `history` (`case_id`,`at`);--> statement-breakpoint
CREATE TABLE `notepad_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`agent_id` integer,
	`text` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notepad_case_idx` ON `notepad_entries` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`message_id` integer,
	`kind` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`display_name` text NOT NULL,
	`storage_path` text NOT NULL,
	`content_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attachments_case_idx` ON `attachments` (`case_id`);--> statement-breakpoint
CREATE INDEX `attachments_message_idx` ON `attachments` (`message_id`);--> statement-breakpoint
CREATE INDEX `attachments_sha256_idx` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE TABLE `mail_checkpoints` (
	`mailbox_id` integer NOT NULL,
	`folder` text NOT NULL,
	`uidvalidity` integer NOT NULL,
	`last_uid` integer DEFAULT 0 NOT NULL,
	`highest_modseq` text,
	`synced_at` text,
	PRIMARY KEY(`mailbox_id`, `folder`),
	FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`direction` text NOT NULL,
	`message_id_header` text,
	`in_reply_to` text,
	`references` text DEFAULT '[]' NOT NULL,
	`from` text NOT NULL,
	`to` text DEFAULT '[]' NOT NULL,
	`cc` text DEFAULT '[]' NOT NULL,
	`bcc` text DEFAULT '[]' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`text` text,
	`html` text,
	`date` text NOT NULL,
	`mailbox_id` integer,
	`folder` text,
	`uidvalidity` integer,
	`uid` integer,
	`attach_reason` text,
	`auto_submitted` integer DEFAULT false NOT NULL,
	`raw_size` integer,
	`raw_path` text,
	`author_id` integer,
	`outbox_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `messages_case_idx` ON `messages` (`case_id`,`date`);--> statement-breakpoint
CREATE INDEX `messages_message_id_idx` ON `messages` (`message_id_header`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_mailbox_uid` ON `messages` (`mailbox_id`,`folder`,`uidvalidity`,`uid`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`mailbox_id` integer NOT NULL,
	`agent_id` integer,
	`kind` text NOT NULL,
	`message_id_header` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`payload` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id_header_unique` ON `outbox` (`message_id_header`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_case_idx` ON `outbox` (`case_id`);--> statement-breakpoint
CREATE TABLE `quarantine` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mailbox_id` integer NOT NULL,
	`folder` text NOT NULL,
	`uidvalidity` integer NOT NULL,
	`uid` integer NOT NULL,
	`reason` text NOT NULL,
	`raw_path` text NOT NULL,
	`received_at` text NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`mailbox_id`) REFERENCES `mailboxes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarantine_mailbox_uid` ON `quarantine` (`mailbox_id`,`folder`,`uidvalidity`,`uid`);