import { z } from 'zod';
import { call, none } from '../define';

export const appCalls = {
  info: call(
    none,
    z.object({
      version: z.string(),
      demo: z.boolean(),
      dataDir: z.string(),
      /** The core can open files with the system's applications (Electron); else the screen downloads them. */
      canOpenFiles: z.boolean(),
    }),
    'public',
  ),
};
