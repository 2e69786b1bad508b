// `npm run dist`: the desktop installers, on a machine with internet access. Native modules are
// rebuilt for Electron's ABI only here, then rebuilt back for Node so that `npm test` keeps working:
// `npm install` never does the former (electron-builder.yml has npmRebuild: false).
import { spawnSync } from 'node:child_process';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', 'build']);
run('npm', ['run', 'electron:fetch']);
run('npx', ['electron-rebuild', '--force', '--only', 'better-sqlite3']);
try {
  run('npx', ['electron-builder', ...process.argv.slice(2)]);
} finally {
  run('npm', ['rebuild', 'better-sqlite3']);
}
