import type { Services } from '../../services';
import type { AppInfo } from '../handlers';
import type { NamespaceHandlers } from '../handlers-type';

export function appHandlers(services: Services, info: AppInfo): NamespaceHandlers<'app'> {
  return {
    info: () => ({ ...info, canOpenFiles: services.attachmentFiles.canOpenFiles }),
  };
}
