import os from 'node:os';
import path from 'node:path';

export const productName = 'Unified Desktop';

/**
 * Where the browser host keeps the database and attachments: the same folder Electron uses as
 * `userData` for this product, so both ways of running the app share one centre's data.
 * `UNIFIED_DATA_DIR` overrides it (tests, several centres on one machine).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.UNIFIED_DATA_DIR) return path.resolve(env.UNIFIED_DATA_DIR);
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), productName);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', productName);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), productName);
}
