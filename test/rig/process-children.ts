import { readdirSync, readFileSync } from 'node:fs';

function parentAndName(pid: string): { ppid: number; name: string } | null {
  try {
    // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { ppid, name };
  } catch {
    // Gone between the listing and the read.
    return null;
  }
}

/** The pids of `parent`'s children called `name` (Linux: read from /proc; empty elsewhere). */
export function childrenNamed(parent: number, name: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      const process = parentAndName(pid);
      return process?.ppid === parent && process.name === name;
    })
    .map(Number);
}

/** SIGTERM to each; one already gone is fine. */
export function terminateAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
