import type { Services } from '../services';
import { flattenHandlers, type Handlers } from './handlers-type';
import { addressBookHandlers } from './handlers/address-book';
import { adminHandlers } from './handlers/admin';
import { appHandlers } from './handlers/app';
import { attachmentHandlers } from './handlers/attachments';
import { backupHandlers } from './handlers/backup';
import { caseHandlers } from './handlers/cases';
import { contactHandlers } from './handlers/contacts';
import { creationHandlers } from './handlers/creation';
import { deskHandlers } from './handlers/desk';
import { mailboxHandlers } from './handlers/mailboxes';
import { quarantineHandlers } from './handlers/quarantine';
import { sessionHandlers } from './handlers/session';
import { setupHandlers } from './handlers/setup';
import { syncHandlers } from './handlers/sync';
import { templateHandlers } from './handlers/templates';
import { replyHandlers } from './handlers/replies';

export interface AppInfo {
  version: string;
  dataDir: string;
}

/** The contract's calls bound to the services, one module per namespace: thin, no rule lives here. */
export function createHandlers(services: Services, info: AppInfo): Handlers {
  return flattenHandlers({
    app: appHandlers(services, info),
    session: sessionHandlers(services),
    setup: setupHandlers(services),
    desk: deskHandlers(services),
    attachments: attachmentHandlers(services),
    cases: caseHandlers(services),
    contacts: contactHandlers(services),
    creation: creationHandlers(services),
    admin: adminHandlers(services),
    mailboxes: mailboxHandlers(services),
    templates: templateHandlers(services),
    addressBook: addressBookHandlers(services),
    replies: replyHandlers(services),
    sync: syncHandlers(services),
    quarantine: quarantineHandlers(services),
    backup: backupHandlers(services, info),
  });
}
