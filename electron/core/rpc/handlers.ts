import type { Services } from '../services';
import { flattenHandlers, type Handlers } from './handlers-type';
import { adminHandlers } from './handlers/admin';
import { attachmentHandlers } from './handlers/attachments';
import { caseHandlers } from './handlers/cases';
import { contactHandlers } from './handlers/contacts';
import { creationHandlers } from './handlers/creation';
import { deskHandlers } from './handlers/desk';
import { mailboxHandlers } from './handlers/mailboxes';
import { sessionHandlers } from './handlers/session';
import { templateHandlers } from './handlers/templates';

export interface AppInfo {
  version: string;
  demo: boolean;
  dataDir: string;
}

/** The contract's calls bound to the services, one module per namespace: thin, no rule lives here. */
export function createHandlers(services: Services, info: AppInfo): Handlers {
  return flattenHandlers({
    app: { info: () => info },
    session: sessionHandlers(services),
    desk: deskHandlers(services),
    attachments: attachmentHandlers(services),
    cases: caseHandlers(services),
    contacts: contactHandlers(services),
    creation: creationHandlers(services),
    admin: adminHandlers(services),
    mailboxes: mailboxHandlers(services),
    templates: templateHandlers(services),
  });
}
