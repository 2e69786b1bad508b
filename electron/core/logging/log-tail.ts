import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { logsFolder, mailLogName, mainLogName } from './log-file';

/** Each file is read from its end, this much at most: the tail of a 5 MB file, not all of it. */
const tailBytes = 512 * 1024;

/** The journal files of every process, newest generation first (`unified.log`, then `unified.log.1`). */
const journalFiles = [mainLogName, mailLogName, `${mainLogName}.1`, `${mailLogName}.1`];

/**
 * The last `count` lines of the journal, oldest first, the files of every process merged by time
 * (each line starts with its ISO instant, so text order is time order). A rotated file is read
 * only when the current ones are too short.
 */
export async function readLogTail(dataDir: string, count: number): Promise<string[]> {
  const folder = logsFolder(dataDir);
  const present = new Set(await readdir(folder).catch(() => [] as string[]));
  const lines: string[] = [];
  for (const name of journalFiles.filter((file) => present.has(file))) {
    if (lines.length >= count && name.endsWith('.1')) break;
    lines.push(...(await lastLines(path.join(folder, name))));
  }
  return byTime(lines).slice(-count);
}

/** The whole lines of a file's last `tailBytes` (the first one, maybe cut, is dropped). */
async function lastLines(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - tailBytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const lines = buffer.toString('utf8').split('\n');
    if (start > 0) lines.shift();
    return lines.filter((line) => line.trim() !== '');
  } finally {
    await handle.close();
  }
}

/**
 * The current journal of every process as one text, merged by time, for « Télécharger le journal »:
 * what a support person asks for. Rotated files stay in the folder for whoever needs older lines.
 */
export async function readWholeLog(dataDir: string): Promise<string> {
  const folder = logsFolder(dataDir);
  const present = new Set(await readdir(folder).catch(() => [] as string[]));
  const lines: string[] = [];
  for (const name of [mainLogName, mailLogName].filter((file) => present.has(file))) {
    const text = await readFile(path.join(folder, name), 'utf8');
    lines.push(...text.split('\n').filter((line) => line.trim() !== ''));
  }
  return byTime(lines).join('\n') + (lines.length ? '\n' : '');
}

/** Lines start with their ISO instant (24 characters); a stable sort keeps each file's own order. */
const instantOf = (line: string) => line.slice(0, 24);
const byTime = (lines: string[]) => lines.sort((a, b) => (instantOf(a) < instantOf(b) ? -1 : instantOf(a) > instantOf(b) ? 1 : 0));
