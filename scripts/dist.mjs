// `npm run dist`: the desktop installers, on a machine with internet access. Native modules are
// rebuilt for Electron's ABI only here, then rebuilt back for Node so that `npm test` keeps working:
// `npm install` never does the former (electron-builder.yml has npmRebuild: false).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** The commands of `npm run dist`, exported for its test. */
export function distPlan(builderArgs = []) {
  return {
    prepare: [
      ['npm', ['run', 'build']],
      ['npm', ['run', 'electron:fetch']],
    ],
    // From the first command on, better-sqlite3 may be built for Electron…
    forElectron: [
      ['npx', ['electron-rebuild', '--force', '--only', 'better-sqlite3']],
      ['npx', ['electron-builder', ...builderArgs]],
    ],
    // …so this runs whatever happened to them.
    backToNode: [['npm', ['rebuild', 'better-sqlite3']]],
  };
}

/** Runs the plan with `run(command, args)`, which throws when a command fails. */
export function runDist(run, builderArgs = []) {
  const plan = distPlan(builderArgs);
  for (const [command, args] of plan.prepare) run(command, args);
  try {
    for (const [command, args] of plan.forElectron) run(command, args);
  } finally {
    for (const [command, args] of plan.backToNode) run(command, args);
  }
}

function runOrThrow(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw Object.assign(new Error(`${command} ${args.join(' ')} failed`), { status: result.status ?? 1 });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    runDist(runOrThrow, process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(error.status ?? 1);
  }
}
