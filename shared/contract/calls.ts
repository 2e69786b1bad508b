import { addressBookCalls } from './calls/address-book';
import { adminCalls } from './calls/admin';
import { appCalls } from './calls/app';
import { attachmentCalls } from './calls/attachments';
import { backupCalls } from './calls/backup';
import { caseCalls } from './calls/cases';
import { contactCalls } from './calls/contacts';
import { creationCalls } from './calls/creation';
import { deskCalls } from './calls/desk';
import { mailboxCalls } from './calls/mailboxes';
import { quarantineCalls } from './calls/quarantine';
import { sessionCalls } from './calls/session';
import { setupCalls } from './calls/setup';
import { syncCalls } from './calls/sync';
import { templateCalls } from './calls/templates';
import { replyCalls } from './calls/replies';

/**
 * Every call the renderer can make, one namespace per file under `calls/`. The wire name of a call
 * is `namespace.method` (see `callNames`); nothing else in the product spells a channel name.
 */
export const calls = {
  app: appCalls,
  session: sessionCalls,
  setup: setupCalls,
  desk: deskCalls,
  attachments: attachmentCalls,
  cases: caseCalls,
  contacts: contactCalls,
  creation: creationCalls,
  admin: adminCalls,
  mailboxes: mailboxCalls,
  templates: templateCalls,
  replies: replyCalls,
  addressBook: addressBookCalls,
  sync: syncCalls,
  quarantine: quarantineCalls,
  backup: backupCalls,
} as const;

export type Calls = typeof calls;
