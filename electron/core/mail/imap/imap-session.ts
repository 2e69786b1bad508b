import { ImapFlow } from 'imapflow';
import type { SecretStore } from '../../ports';
import { imapClientOptions, type ClientTuning, type ImapEndpoint } from './imap-client-options';
import { syncFolder, type FolderTarget, type PassDeps, type PassReport } from './mailbox-sync';
import { watchSilence } from './silence-watchdog';
import { SyncError } from './sync-errors';
import { pause, WakeSignal } from './wake-signal';

export interface SessionTuning extends ClientTuning {
  /** Between two NOOPs when the server has no IDLE. */
  pollIntervalMs: number;
  /** How long past the expected answer a silent connection is given before it is dropped. */
  silenceGraceMs: number;
  /** `poll` forces polling even where IDLE is advertised. */
  listen: 'auto' | 'poll';
}

export interface SessionDeps {
  endpoint: ImapEndpoint;
  secretKey: string;
  target: FolderTarget;
  secrets: SecretStore;
  pass: Omit<PassDeps, 'onProgress'>;
  tuning: SessionTuning;
  /** Raised by `exists`, by "sync now" and by stop. */
  wake: WakeSignal;
  stopping(): boolean;
  /** The live client, so that stop() can log it out; null once the session is over. */
  onClient(client: ImapFlow | null): void;
  onProgress(done: number, total: number): void;
  onPass(report: PassReport): void;
}

/** How a session ended: whether it completed a pass (backoff starts over), and why it ended. */
export interface SessionEnd {
  synced: boolean;
  /** Null when the server closed the connection cleanly (a BYE) or the supervisor stopped it. */
  error: unknown;
}

interface Connection {
  readonly failure: unknown;
  readonly closed: Promise<void>;
  isClosed(): boolean;
  /** Drops the connection, remembering why. */
  fail(reason: unknown): void;
}

/** Listeners go on before connect(): an 'error' nobody listens to crashes the process (imapflow #302). */
function watchConnection(client: ImapFlow, wake: WakeSignal): Connection {
  let failure: unknown = null;
  let isClosed = false;
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve(void (isClosed = true))));
  client.on('error', (error) => void (failure ??= error));
  client.on('exists', () => wake.raise());
  return {
    get failure() {
      return failure;
    },
    closed,
    isClosed: () => isClosed,
    fail(reason) {
      failure ??= reason;
      client.close();
    },
  };
}

/**
 * RFC 2177: the server reports new mail while we IDLE; the next command (a pass) breaks it, and
 * imapflow restarts it every `maxIdleTime`. IDLE may also end on its own: imapflow's socket
 * timer breaks a quiet IDLE with a keep-alive NOOP and, auto-IDLE being off, does not resume it.
 * It is started again then, unless the folder is no longer selected: a pass selects it again
 * (or reports it missing).
 */
async function listenIdle(client: ImapFlow, connection: Connection, wake: WakeSignal): Promise<void> {
  const interrupted = Promise.race([wake.wait(), connection.closed]).then(() => 'interrupted' as const);
  while (!wake.isRaised && !connection.isClosed()) {
    if (client.mailbox === false) return wake.raise();
    // An IDLE still running (imapflow's own) is left to run: idle() would return at once.
    if (client.idling) return void (await interrupted);
    const ended = client.idle().then(
      () => 'ended' as const,
      () => 'ended' as const,
    );
    if ((await Promise.race([ended, interrupted])) === 'interrupted') return;
  }
}

/** Without IDLE, a NOOP is how a server reports new mail (RFC 3501 §6.1.2). */
async function listenPoll(client: ImapFlow, connection: Connection, wake: WakeSignal, intervalMs: number): Promise<void> {
  const interrupted = new AbortController();
  await Promise.race([wake.wait(), connection.closed, pause(intervalMs, interrupted.signal)]);
  interrupted.abort();
  if (!wake.isRaised && !connection.isClosed()) await client.noop();
}

/** Passes, then listening, until the connection closes or the supervisor stops. */
async function serve(client: ImapFlow, connection: Connection, deps: SessionDeps, onSynced: () => void): Promise<void> {
  const { tuning, wake } = deps;
  const idle = tuning.listen === 'auto' && (client.capabilities.has('IDLE') || client.capabilities.has('IMAP4rev2'));
  const quietLimit = (idle ? tuning.maxIdleMs : tuning.pollIntervalMs) + tuning.silenceGraceMs;
  const silent = () => connection.fail(new SyncError('silent', 'no answer from the server'));
  const watchdog = watchSilence(() => client.stats().received, quietLimit, silent);
  // Every connection starts with a pass: mail may have come while we were away.
  let due = true;
  try {
    while (!deps.stopping() && !connection.isClosed()) {
      if (wake.take() || due) {
        due = false;
        deps.onPass(await syncFolder(client, deps.target, { ...deps.pass, onProgress: deps.onProgress }));
        onSynced();
        continue;
      }
      watchdog.arm();
      await (idle ? listenIdle(client, connection, wake) : listenPoll(client, connection, wake, tuning.pollIntervalMs));
      watchdog.disarm();
    }
  } finally {
    watchdog.stop();
  }
}

async function connectAndServe(password: string, deps: SessionDeps, onSynced: () => void): Promise<unknown> {
  if (deps.stopping()) return null;
  // A fresh client for every connection: an ImapFlow instance cannot connect twice.
  const client = new ImapFlow(imapClientOptions(deps.endpoint, password, deps.tuning));
  const connection = watchConnection(client, deps.wake);
  deps.onClient(client);
  try {
    await client.connect();
    await serve(client, connection, deps, onSynced);
    return connection.failure;
  } catch (error) {
    // Why the connection failed explains a command that failed with it ("no connection").
    return connection.failure ?? error;
  } finally {
    deps.onClient(null);
    // When stopping, the supervisor is logging this client out: closing now would cut LOGOUT short.
    if (!connection.isClosed() && !deps.stopping()) client.close();
  }
}

/** One connection to the mailbox, from connect to close. Never throws: the end says why. */
export async function runSession(deps: SessionDeps): Promise<SessionEnd> {
  let synced = false;
  const onSynced = () => void (synced = true);
  try {
    const password = await deps.secrets.get(deps.secretKey);
    if (password === null) throw new SyncError('no_password', `no secret under ${deps.secretKey}`);
    return { synced, error: await connectAndServe(password, deps, onSynced) };
  } catch (error) {
    return { synced, error };
  }
}
