import type { Services } from '../../services';
import type { AppInfo } from '../handlers';
import type { NamespaceHandlers } from '../handlers-type';

export function appHandlers(services: Services, info: AppInfo): NamespaceHandlers<'app'> {
  return {
    // Read each time: the demo may be chosen at first start, after the core started.
    info: () => ({ ...info, demo: services.setup.status().state === 'demo', canOpenFiles: services.attachmentFiles.canOpenFiles }),
  };
}
