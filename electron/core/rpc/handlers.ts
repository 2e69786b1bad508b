import type { Services } from '../services';
import { flattenHandlers, type Handlers } from './handlers-type';
import { attachmentHandlers } from './handlers/attachments';
import { deskHandlers } from './handlers/desk';
import { sessionHandlers } from './handlers/session';

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
  });
}
