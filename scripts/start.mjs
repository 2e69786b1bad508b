// `npm start`: builds what is missing or stale, then launches Electron where its binary is present,
// otherwise the browser host (with a message saying so). It installs nothing. An empty data folder
// shows the first-start choice (demo or one's own centre); `npm start -- --demo` loads the demo
// centre straight away (tests, screenshots). Every argument after `--` goes to the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['dist/renderer/index.html', 'dist/host/main.mjs', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/mail-process.cjs'];
const sources = ['renderer', 'shared', 'electron', 'vite.config.ts', 'package.json'];

function newestMtime(target) {
  const full = path.join(root, target);
  if (!existsSync(full)) return 0;
  const info = statSync(full);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(full).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), 0);
}

function buildIfNeeded() {
  const built = outputs.map((file) => (existsSync(path.join(root, file)) ? statSync(path.join(root, file)).mtimeMs : 0));
  const oldestOutput = Math.min(...built);
  if (oldestOutput > 0 && oldestOutput >= Math.max(...sources.map(newestMtime))) return;
  console.log('Construction de l’application… / Building the app…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function electronBinary() {
  try {
    // The `electron` package exports the path of its binary, and throws when it was never downloaded.
    const binary = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}

buildIfNeeded();
const hostOnly = process.argv.includes('--host');
const binary = hostOnly ? null : electronBinary();
const passThrough = process.argv.slice(2).filter((arg) => arg !== '--host');
if (binary) {
  run(binary, ['.', ...passThrough]);
} else {
  if (!hostOnly) {
    console.log('Pour l’application de bureau, téléchargez Electron sur une machine reliée à Internet : npm run electron:fetch');
    console.log('For the desktop app, fetch Electron on a machine with internet access: npm run electron:fetch');
  }
  run(process.execPath, ['dist/host/main.mjs', ...(hostOnly ? [] : ['--reason', 'no-electron']), ...passThrough]);
}
