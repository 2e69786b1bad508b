import type { Services } from '../../services';
import type { AppInfo } from '../handlers';
import type { NamespaceHandlers } from '../handlers-type';

/** Each service method checks the administrator itself. */
export function backupHandlers({ backup }: Services, info: AppInfo): NamespaceHandlers<'backup'> {
  return {
    status: (_input, ctx) => backup.status(ctx.agent),
    list: (_input, ctx) => backup.list(ctx.agent),
    run: (_input, ctx) => backup.run(ctx.agent, info.version),
    verify: (input, ctx) => backup.verify(input.name, ctx.agent),
    restore: (input, ctx) => backup.restore(input, ctx.agent),
    exportAll: (input, ctx) => backup.exportAll(input.folder, ctx.agent, info.version),
    logTail: async (input, ctx) => ({ lines: await backup.logTail(input.lines, ctx.agent) }),
    logFile: (_input, ctx) => backup.logFile(ctx.agent),
  };
}
