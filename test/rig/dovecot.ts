import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { appendFile, chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { createCertificate, type Certificate } from './certificate';
import { freePorts, LOOPBACK } from './ports';
import { childrenNamed, terminateAll } from './process-children';
import { makeTempDir, removeTempDir, removeTempDirSync } from './temp-dir';

const DOVECOT = '/usr/sbin/dovecot';
const DOVEADM = '/usr/bin/doveadm';
const SETPRIV = '/usr/bin/setpriv';
/** Dovecot refuses uid 0 for mail, so as root every mailbox belongs to `nobody`. */
const ROOT_MAIL_UID = 65534;
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const START_ATTEMPTS = 3;

export interface MailUser {
  user: string;
  password: string;
}

export interface DovecotOptions {
  users?: MailUser[];
}

export interface DovecotInstance {
  readonly host: string;
  /** Plaintext IMAP; advertises STARTTLS (clients upgrade unless told not to). */
  readonly imapPort: number;
  /** Implicit-TLS IMAP. */
  readonly imapsPort: number;
  /** LMTP on loopback, used by the rig's SMTP server to deliver. */
  readonly lmtpPort: number;
  /** PEM of the self-signed certificate: pass as `tls: { ca }` to trust the server. */
  readonly ca: string;
  readonly certificate: Certificate;
  /** Current users and their passwords (the SMTP server authenticates against it). */
  readonly users: ReadonlyMap<string, string>;
  /** The instance's temp dir (config, log, mail); removed by `stop()`. */
  readonly dir: string;
  readonly logPath: string;
  /** The tail of the log, for the message of a failing assertion. */
  readLog(): string;
  /** Home of a user; its maildir is `Maildir` inside (e.g. to remove `dovecot-uidlist` while stopped). */
  homeDir(user: string): string;
  addUser(user: string, password: string): Promise<void>;
  /** Drops a message straight into a mailbox with `doveadm save`, bypassing SMTP. */
  deliver(user: string, rawMessage: string | Buffer, mailbox?: string): Promise<void>;
  /**
   * Stops Dovecot, its client sessions included, and starts it again on the same dir and ports:
   * mail is kept. `whileStopped` runs in between, e.g. to remove a mailbox's index and UID list.
   */
  restart(whileStopped?: () => Promise<void> | void): Promise<void>;
  /** Stops Dovecot and removes its temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

interface Ports {
  imap: number;
  imaps: number;
  lmtp: number;
}

/** Who Dovecot runs as: as root it drops to its own users, otherwise it stays the current user. */
interface Identity {
  root: boolean;
  user: string;
  group: string;
}

// Every running master and every dir not yet removed, so that a test run that crashes or forgets
// stop() leaves neither Dovecot nor its files behind.
const running = new Set<ChildProcess>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
    for (const dir of liveDirs) removeTempDirSync(dir);
  });
}

function currentIdentity(): Identity {
  const info = userInfo();
  if (info.uid === 0) return { root: true, user: 'dovecot', group: 'dovecot' };
  // Dovecot wants the group's name, not its id.
  const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
  return { root: false, user: info.username, group };
}

function dovecotConfig(dir: string, ports: Ports, identity: Identity): string {
  // Non-root: login processes and anvil cannot chroot, so that is switched off for them.
  const noChroot = identity.root ? '' : '\n  chroot =';
  return `# Written by test/rig/dovecot.ts for one test instance.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap lmtp
listen = ${LOOPBACK}
default_internal_user = ${identity.user}
default_internal_group = ${identity.group}
default_login_user = ${identity.root ? 'dovenull' : identity.user}
first_valid_uid = ${identity.root ? 100 : 1}
ssl = yes
ssl_cert = <${dir}/cert.pem
ssl_key = <${dir}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = ${dir}/passwd
}
mail_location = maildir:~/Maildir
# Throw-away mail: durability buys nothing here and fsync slows the tests down.
mail_fsync = never
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
}
protocol imap {
  # The default of 10 is too few for tests that open connections in parallel.
  mail_max_userip_connections = 100
}
service imap-login {${noChroot}
  inet_listener imap {
    port = ${ports.imap}
  }
  inet_listener imaps {
    port = ${ports.imaps}
    ssl = yes
  }
}
service anvil {${noChroot}
}
service lmtp {
  inet_listener lmtp {
    port = ${ports.lmtp}
  }
}
postmaster_address = postmaster@test.local
`;
}

function passwdLine(dir: string, user: string, password: string, identity: Identity): string {
  if (/[:\r\n]/.test(user) || /[:\r\n]/.test(password)) {
    throw new Error(`user and password must not contain ':' or line breaks: ${user}`);
  }
  // As non-root, uid and gid stay empty: Dovecot cannot switch users anyway.
  const ids = identity.root ? `${ROOT_MAIL_UID}:${ROOT_MAIL_UID}` : ':';
  return `${user}:{PLAIN}${password}:${ids}::${homeOf(dir, user)}::\n`;
}

function homeOf(dir: string, user: string): string {
  return join(dir, 'mail', user);
}

async function prepareDir(dir: string, ports: Ports, identity: Identity, users: MailUser[]): Promise<Certificate> {
  const certificate = await createCertificate(dir);
  await writeFile(join(dir, 'dovecot.conf'), dovecotConfig(dir, ports, identity));
  const lines = users.map(({ user, password }) => passwdLine(dir, user, password, identity));
  await writeFile(join(dir, 'passwd'), lines.join(''));
  await mkdir(join(dir, 'mail'));
  if (identity.root) {
    // mkdtemp makes the dir 0700; Dovecot's unprivileged processes must reach into it.
    await chmod(dir, 0o755);
    await chown(join(dir, 'mail'), ROOT_MAIL_UID, ROOT_MAIL_UID);
  }
  return certificate;
}

/**
 * Starts the master in the foreground. Through `setpriv --pdeathsig` it gets SIGTERM when this
 * process dies, even by SIGKILL, where no exit hook of ours can run.
 */
function spawnMaster(configPath: string): { child: ChildProcess; stderr: () => string } {
  const args = ['-F', '-c', configPath];
  const child = isExecutable(SETPRIV)
    ? spawn(SETPRIV, ['--pdeathsig', 'SIGTERM', DOVECOT, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(DOVECOT, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  // A spawn failure arrives as 'error' (and then 'exit'): keep it for the start-up error message.
  child.on('error', (error) => (stderr += `${error.message}\n`));
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 10_000) stderr += chunk;
  });
  return { child, stderr: () => stderr };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Sends SIGTERM and waits for the exit; SIGKILL if Dovecot takes unreasonably long. */
async function terminate(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * Stops the master and the `imap` processes serving its clients. The master leaves those running
 * when it stops (they are reparented to init and keep their clients connected, as if nothing had
 * happened); a real restart ends them (systemd stops the whole service cgroup), and so does this.
 * SIGTERM makes each say `* BYE Server shutting down.` and close, as at a real shutdown.
 */
async function stopMaster(child: ChildProcess): Promise<void> {
  const sessions = child.pid === undefined ? [] : childrenNamed(child.pid, 'imap');
  await terminate(child);
  terminateAll(sessions);
}

/** Resolves true when the port greets with `* OK`, false on refusal or any other answer. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, LOOPBACK);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString('utf8').startsWith('* OK')));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Dovecot re-reads a changed passwd file by itself, but stats it at most once per wall-clock
 * second (db-passwd-file.c, passwd_file_sync): a lookup in the same second as the write may still
 * miss the new user. From the next second on, every lookup sees it.
 */
function waitForPasswdResync(): Promise<unknown> {
  return sleep(1_000 - (Date.now() % 1_000) + 20);
}

function readLog(dir: string): string {
  const path = join(dir, 'dovecot.log');
  return existsSync(path) ? readFileSync(path, 'utf8').slice(-5_000) : '(no dovecot.log)';
}

class StartError extends Error {
  constructor(
    message: string,
    readonly portInUse: boolean,
  ) {
    super(message);
  }
}

async function waitUntilReady(child: ChildProcess, port: number, dir: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      const details = `${stderr()}\n${readLog(dir)}`;
      throw new StartError(`dovecot exited during start-up:\n${details}`, /Address already in use/.test(details));
    }
    if (await greets(port)) return;
    await sleep(50);
  }
  await terminate(child);
  throw new StartError(`dovecot did not greet on port ${port} within ${READY_TIMEOUT_MS} ms:\n${readLog(dir)}`, false);
}

async function runMaster(dir: string, ports: Ports): Promise<ChildProcess> {
  const { child, stderr } = spawnMaster(join(dir, 'dovecot.conf'));
  running.add(child);
  child.once('exit', () => running.delete(child));
  try {
    await waitUntilReady(child, ports.imap, dir, stderr);
  } catch (error) {
    await terminate(child);
    throw error;
  }
  return child;
}

async function pickPorts(): Promise<Ports> {
  const [imap, imaps, lmtp] = await freePorts(3);
  if (imap === undefined || imaps === undefined || lmtp === undefined) throw new Error('no free ports');
  return { imap, imaps, lmtp };
}

function deliverWithDoveadm(dir: string, user: string, raw: string | Buffer, mailbox: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(DOVEADM, ['-c', join(dir, 'dovecot.conf'), 'save', '-u', user, '-m', mailbox], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`doveadm save -u ${user} -m ${mailbox} failed (exit ${code}): ${stderr.trim()}`));
    });
    child.stdin.end(raw);
  });
}

/** Starts a private Dovecot (IMAP, IMAPS, LMTP on free loopback ports) in a fresh temp dir. */
export async function startDovecot(options: DovecotOptions = {}): Promise<DovecotInstance> {
  for (const program of [DOVECOT, DOVEADM]) {
    if (!isExecutable(program)) throw new Error(`${program} is missing: run \`bash scripts/ensure-system-deps.sh\``);
  }
  const identity = currentIdentity();
  for (let attempt = 1; ; attempt++) {
    const dir = await makeTempDir('ud-dovecot-');
    installExitHook();
    liveDirs.add(dir);
    const ports = await pickPorts();
    try {
      const certificate = await prepareDir(dir, ports, identity, options.users ?? []);
      const child = await runMaster(dir, ports);
      return createInstance({ dir, ports, identity, certificate, child, users: options.users ?? [] });
    } catch (error) {
      await removeTempDir(dir);
      liveDirs.delete(dir);
      // Another process may grab a port between our check and Dovecot's bind: try other ports.
      const retry = error instanceof StartError && error.portInUse && attempt < START_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

interface InstanceState {
  dir: string;
  ports: Ports;
  identity: Identity;
  certificate: Certificate;
  child: ChildProcess;
  users: MailUser[];
}

function createInstance(state: InstanceState): DovecotInstance {
  const { dir, ports, identity, certificate } = state;
  const users = new Map(state.users.map(({ user, password }) => [user, password]));
  let child: ChildProcess | undefined = state.child;
  let stopped = false;

  return {
    host: LOOPBACK,
    imapPort: ports.imap,
    imapsPort: ports.imaps,
    lmtpPort: ports.lmtp,
    ca: certificate.cert,
    certificate,
    users,
    dir,
    logPath: join(dir, 'dovecot.log'),
    readLog: () => readLog(dir),
    homeDir: (user) => homeOf(dir, user),
    async addUser(user, password) {
      await appendFile(join(dir, 'passwd'), passwdLine(dir, user, password, identity));
      users.set(user, password);
      await waitForPasswdResync();
    },
    deliver: (user, rawMessage, mailbox = 'INBOX') => deliverWithDoveadm(dir, user, rawMessage, mailbox),
    async restart(whileStopped) {
      if (stopped) throw new Error('dovecot was stopped: start a new instance instead');
      if (child) await stopMaster(child);
      child = undefined;
      await whileStopped?.();
      child = await runMaster(dir, ports);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child) await stopMaster(child);
      child = undefined;
      await removeTempDir(dir);
      liveDirs.delete(dir);
    },
  };
}
