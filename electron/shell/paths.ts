import path from 'node:path';

export interface ShellPathInputs {
  /** `app.getAppPath()`: the project root in development, `…/resources/app.asar` when packaged. */
  appPath: string;
  isPackaged: boolean;
  /** `process.resourcesPath`: where the packager copies extraResources. */
  resourcesPath: string;
  /** `UNIFIED_DATA_DIR`, if set (tests, demos); else the OS's per-user folder. */
  dataDirOverride?: string | undefined;
  userDataPath: string;
}

export interface ShellPaths {
  preload: string;
  /** The mail process's entry, forked as a utility process. */
  mailProcess: string;
  renderer: string;
  migrations: string;
  dataDir: string;
  secretsFile: string;
  /** The main window's last bounds (window-state.ts). */
  windowStateFile: string;
}

/** Where the built pieces live, the same way in development (`electron .`) and in the package. */
export function shellPaths(inputs: ShellPathInputs): ShellPaths {
  const dataDir = inputs.dataDirOverride || inputs.userDataPath;
  return {
    preload: path.join(inputs.appPath, 'dist', 'electron', 'preload.cjs'),
    mailProcess: path.join(inputs.appPath, 'dist', 'electron', 'mail-process.cjs'),
    renderer: path.join(inputs.appPath, 'dist', 'renderer'),
    // SQL files read by the migrator: outside app.asar (extraResources) once packaged.
    migrations: inputs.isPackaged
      ? path.join(inputs.resourcesPath, 'drizzle')
      : path.join(inputs.appPath, 'drizzle'),
    dataDir,
    secretsFile: path.join(dataDir, 'secrets.json'),
    windowStateFile: path.join(dataDir, 'window-state.json'),
  };
}
