import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DovecotInstance } from '../../../../rig';

function parentAndName(pid: string): { ppid: number; name: string } | null {
  try {
    // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return { ppid, name };
  } catch {
    return null;
  }
}

/**
 * The `imap` processes serving the clients of this Dovecot instance (children of its master, whose
 * pid is in `base_dir/master.pid`). The rig's `restart()` stops the master only: these survive,
 * reparented to init, and keep their clients connected. A production restart does end them
 * (systemd stops the whole service cgroup), which is what `endImapSessions` does for a test.
 */
export function imapSessionsOf(dovecot: DovecotInstance): number[] {
  const master = Number(readFileSync(join(dovecot.dir, 'run', 'master.pid'), 'utf8').trim());
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      const process = parentAndName(pid);
      return process?.ppid === master && process.name === 'imap';
    })
    .map(Number);
}

/** SIGTERM makes each imap process say `* BYE Server shutting down.` and close, as at shutdown. */
export function endImapSessions(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
