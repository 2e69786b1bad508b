import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../rig';
import { buildMailBundle } from './forked-mail-process';
import { saveMailbox, startMailCentre, type MailCentre } from './mail-centre';

/**
 * The real mail process (the bundle build-node.mjs makes, forked with Node's IPC as Electron forks it
 * with parentPort) against a real demo database that this test, playing main, opened first.
 */
let bundle: Awaited<ReturnType<typeof buildMailBundle>>;

beforeAll(async () => {
  bundle = await buildMailBundle();
}, 60_000);
afterAll(() => bundle?.dispose());

const open: MailCentre[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((centre) => centre.dispose()));
});

function startCentre(): MailCentre {
  const centre = startMailCentre(bundle.file);
  open.push(centre);
  return centre;
}

describe('the mail process under its supervisor', () => {
  it('syncs a mailbox an administrator adds in main at once, with the password from main, and its events reach main’s bus', async () => {
    const centre = startCentre();
    const ready = centre.nextReady();
    centre.supervisor.start();
    await ready;

    const read = vi.spyOn(centre.secrets, 'get');
    const failed = centre.heard('sync.status', (status) => status.phase === 'error');
    // Nobody listens on the port: the child's sync fails, and says so on main's bus. Nothing but the
    // save tells the child: the service's `mailboxes.changed`, mirrored to it, makes its runtime reload.
    const mailbox = await saveMailbox(centre.core, { port: await freePort(), tls: 'none', user: 'essai@test.local' }, 'mot de passe');

    const status = await failed;
    expect(status.mailboxId).toBe(mailbox.id);
    expect(status.message).toEqual(expect.any(String));
    expect(read).toHaveBeenCalledWith(mailbox.secretKey);
    expect(await centre.secrets.get(mailbox.secretKey)).toBe('mot de passe');
  });

  it('starts the mail process again when it dies', async () => {
    const centre = startCentre();
    const ready = centre.nextReady();
    centre.supervisor.start();
    const first = await ready;

    const again = centre.nextReady();
    first.process.kill('SIGKILL');
    const second = await again;

    expect(first.process.signalCode).toBe('SIGKILL');
    expect(second.process.pid).not.toBe(first.process.pid);
    expect(centre.children).toHaveLength(2);
  });

  it('stops it on quit: the child closes its database and exits normally, and is not started again', async () => {
    const centre = startCentre();
    const ready = centre.nextReady();
    centre.supervisor.start();
    const child = await ready;

    await centre.supervisor.stop();

    // Exit code 0 only once runMailProcess resolved, i.e. after the runtime stopped and the database closed.
    expect(child.process.exitCode).toBe(0);
    expect(centre.children).toHaveLength(1);
    centre.supervisor.start();
    expect(centre.children).toHaveLength(1);
  });
});
