-- Full-text search in the text of messages (replies, the contact's answers), as 0001_fts.sql does
-- for cases and contacts: external content, diacritics folded, prefix indexes for the word being
-- typed. A migration that rebuilds `messages` must create these triggers again.
CREATE VIRTUAL TABLE `messages_fts` USING fts5(
	text,
	content = 'messages', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `messages_fts_after_insert` AFTER INSERT ON `messages` BEGIN
	INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;
--> statement-breakpoint
-- An external-content table forgets a row only when given the exact values it indexed.
CREATE TRIGGER `messages_fts_after_delete` AFTER DELETE ON `messages` BEGIN
	INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `messages_fts_after_update` AFTER UPDATE OF text ON `messages` BEGIN
	INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);
END;
