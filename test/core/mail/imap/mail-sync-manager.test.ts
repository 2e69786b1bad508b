import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMailSyncManager, type MailSyncManager } from '../../../../electron/core/mail/imap/mail-sync-manager';
import type { SyncStatus } from '../../../../electron/core/mail/imap/sync-status-reporter';
import { EventBus } from '../../../../electron/core/event-bus';
import { memorySecretStore } from '../../../../electron/core/ports';
import { startDovecot, type DovecotInstance } from '../../../rig';
import { openMailCentre, type MailCentre } from './support/mail-centre';
import { createRecordingSink } from './support/recording-sink';
import { testTiming } from './support/supervised';
import { testMessage, type MailUser } from './support/test-messages';

const FIRST: MailUser = { user: 'premiere@test.local', password: 'premiere-secret' };
const SECOND: MailUser = { user: 'seconde@test.local', password: 'seconde-secret' };

let dovecot: DovecotInstance;
let centre: MailCentre;
let manager: MailSyncManager | undefined;

beforeAll(async () => {
  dovecot = await startDovecot({ users: [FIRST, SECOND] });
  centre = openMailCentre();
});

afterAll(async () => {
  await manager?.stop();
  centre?.dispose();
  await dovecot?.stop();
});

const eventually = { timeout: 25_000, interval: 50 };

describe('MailSyncManager', () => {
  it('runs one supervisor per active mailbox and follows the rows on reload', async () => {
    const first = centre.addMailbox({ imapPort: dovecot.imapPort, imapUser: FIRST.user });
    const second = centre.addMailbox({ imapPort: dovecot.imapPort, imapUser: SECOND.user, active: false });
    const secrets = memorySecretStore();
    await secrets.set(first.secretKey, FIRST.password);
    await secrets.set(second.secretKey, SECOND.password);
    const events = new EventBus();
    const statuses: SyncStatus[] = [];
    events.subscribe((name, payload) => name === 'sync.status' && statuses.push(payload as SyncStatus));
    manager = createMailSyncManager({
      db: centre.db,
      events,
      secrets,
      sink: createRecordingSink(centre.db, centre.blobs, centre.bucketCaseId),
      blobs: centre.blobs,
      clock: centre.clock,
      tls: { ca: dovecot.ca },
      timing: testTiming,
    });
    const phasesOf = (id: number) => statuses.filter((status) => status.mailboxId === id).map((status) => status.phase);

    await manager.reload();
    expect(manager.running()).toEqual([first.id]);
    await dovecot.deliver(FIRST.user, testMessage('premiere', 1));
    await vi.waitFor(() => expect(centre.filed(first.id)).toHaveLength(1), eventually);
    expect(phasesOf(first.id)[0]).toBe('connecting');

    centre.db.sqlite.prepare('UPDATE mailboxes SET active = 1 WHERE id = ?').run(second.id);
    await manager.reload();
    expect(manager.running().sort()).toEqual([first.id, second.id].sort());
    await vi.waitFor(() => expect(phasesOf(second.id)).toContain('idle'), eventually);
    expect(phasesOf(first.id).filter((phase) => phase === 'connecting')).toHaveLength(1);

    // A changed connection setting replaces the supervisor; a deactivated mailbox stops.
    centre.db.sqlite.prepare(`UPDATE mailboxes SET imap_tls = 'none' WHERE id = ?`).run(first.id);
    centre.db.sqlite.prepare('UPDATE mailboxes SET active = 0 WHERE id = ?').run(second.id);
    await manager.reload();
    expect(manager.running()).toEqual([first.id]);
    await vi.waitFor(() => expect(phasesOf(first.id).filter((phase) => phase === 'connecting')).toHaveLength(2), eventually);

    await manager.reconnect(first.id);
    await vi.waitFor(() => expect(phasesOf(first.id).filter((phase) => phase === 'connecting')).toHaveLength(3), eventually);

    await manager.stop();
    expect(manager.running()).toEqual([]);
  }, 60_000);
});
