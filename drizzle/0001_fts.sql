-- Full-text search (FTS5), which drizzle's schema cannot express. Diacritics are folded so that
-- "helene" finds "Hélène". If a later migration rebuilds `contacts` or `cases` (drizzle-kit does so
-- for some ALTERs: create __new_x, copy, drop, rename), SQLite drops these triggers with the old
-- table: that migration must create them again.

-- Contacts: external content (the text stays in `contacts`), so `rebuild` can always resync it.
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(
	last_name, first_name, company, email, mobile, landline, other_phone, fax,
	contact_identifier, contract_number, subscriber_reference, order_number,
	content = 'contacts', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_after_insert` AFTER INSERT ON `contacts` BEGIN
	INSERT INTO contacts_fts (rowid, last_name, first_name, company, email, mobile, landline, other_phone, fax,
		contact_identifier, contract_number, subscriber_reference, order_number)
	VALUES (new.id, new.last_name, new.first_name, new.company, new.email, new.mobile, new.landline, new.other_phone,
		new.fax, new.contact_identifier, new.contract_number, new.subscriber_reference, new.order_number);
END;
--> statement-breakpoint
-- An external-content table forgets a row only when given the exact values it indexed.
CREATE TRIGGER `contacts_fts_after_delete` AFTER DELETE ON `contacts` BEGIN
	INSERT INTO contacts_fts (contacts_fts, rowid, last_name, first_name, company, email, mobile, landline, other_phone,
		fax, contact_identifier, contract_number, subscriber_reference, order_number)
	VALUES ('delete', old.id, old.last_name, old.first_name, old.company, old.email, old.mobile, old.landline,
		old.other_phone, old.fax, old.contact_identifier, old.contract_number, old.subscriber_reference, old.order_number);
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_after_update` AFTER UPDATE OF last_name, first_name, company, email, mobile, landline,
	other_phone, fax, contact_identifier, contract_number, subscriber_reference, order_number ON `contacts` BEGIN
	INSERT INTO contacts_fts (contacts_fts, rowid, last_name, first_name, company, email, mobile, landline, other_phone,
		fax, contact_identifier, contract_number, subscriber_reference, order_number)
	VALUES ('delete', old.id, old.last_name, old.first_name, old.company, old.email, old.mobile, old.landline,
		old.other_phone, old.fax, old.contact_identifier, old.contract_number, old.subscriber_reference, old.order_number);
	INSERT INTO contacts_fts (rowid, last_name, first_name, company, email, mobile, landline, other_phone, fax,
		contact_identifier, contract_number, subscriber_reference, order_number)
	VALUES (new.id, new.last_name, new.first_name, new.company, new.email, new.mobile, new.landline, new.other_phone,
		new.fax, new.contact_identifier, new.contract_number, new.subscriber_reference, new.order_number);
END;
--> statement-breakpoint
INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild');
--> statement-breakpoint
-- Cases: the text is stored in the index itself, because the contact's name comes from another table.
CREATE VIRTUAL TABLE `cases_fts` USING fts5(
	number, subject, question, contact_name,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `cases_fts_after_insert` AFTER INSERT ON `cases` BEGIN
	INSERT INTO cases_fts (rowid, number, subject, question, contact_name)
	VALUES (new.id, new.number, new.subject, new.question_text,
		(SELECT first_name || ' ' || last_name FROM contacts WHERE id = new.contact_id));
END;
--> statement-breakpoint
CREATE TRIGGER `cases_fts_after_update` AFTER UPDATE OF number, subject, question_text, contact_id ON `cases` BEGIN
	UPDATE cases_fts
	SET number = new.number, subject = new.subject, question = new.question_text,
		contact_name = (SELECT first_name || ' ' || last_name FROM contacts WHERE id = new.contact_id)
	WHERE rowid = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_fts_after_delete` AFTER DELETE ON `cases` BEGIN
	DELETE FROM cases_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_fts_after_contact_rename` AFTER UPDATE OF first_name, last_name ON `contacts` BEGIN
	UPDATE cases_fts SET contact_name = new.first_name || ' ' || new.last_name
	WHERE rowid IN (SELECT id FROM cases WHERE contact_id = new.id);
END;
--> statement-breakpoint
INSERT INTO cases_fts (rowid, number, subject, question, contact_name)
SELECT c.id, c.number, c.subject, c.question_text, p.first_name || ' ' || p.last_name
FROM cases c JOIN contacts p ON p.id = c.contact_id;
