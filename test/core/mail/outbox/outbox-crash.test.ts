import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailboxes, outbox } from '../../../../electron/core/db/schema';
import { startFaultProxy, type FaultProxy } from '../../../rig';
import { migrationsFolder } from '../../temp-database';
import { CENTRE, CLIENT, readByMessageId, startCentreRig, type CentreRig } from './centre-rig';
import { startDriver, type DriverProcess } from './driver-process';
import { createOutboxWorld, SECRET_KEY, type OutboxWorld } from './outbox-world';

let rig: CentreRig;
let world: OutboxWorld;
const hour = 60 * 60_000;

beforeAll(async () => {
  rig = await startCentreRig();
  world = await createOutboxWorld(rig);
});
afterAll(async () => {
  world?.dispose();
  await rig?.stop();
});

/** What a crash leaves: `sending`, one attempt made, its lease long past. */
function leaveAsCrashed(outboxId: number): void {
  world.core.db.orm
    .update(outbox)
    .set({ status: 'sending', attempts: 1, sentAt: null, nextAttemptAt: new Date(world.clock.now().getTime() - hour).toISOString() })
    .where(eq(outbox.id, outboxId))
    .run();
}

const acceptedCount = (messageId: string) => rig.smtp.accepted.filter((m) => m.raw.includes(messageId)).length;

describe('outbox after a crash: never twice', () => {
  it('sends a reply left in `sending` before it reached the server, once', async () => {
    const { outboxId, messageId } = world.queueReply();
    leaveAsCrashed(outboxId);
    expect((await world.worker().runOnce()).get(outboxId)).toBe('sent');
    expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
    expect(world.outboxRow(outboxId)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('does not resend a reply already in Sent (crashed after filing, before recording)', async () => {
    const { outboxId, messageId } = world.queueReply();
    await world.worker().runOnce();
    leaveAsCrashed(outboxId);

    expect((await world.worker().runOnce()).get(outboxId)).toBe('sent');
    expect(acceptedCount(messageId)).toBe(1);
    expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
    expect(await readByMessageId(rig, CENTRE, messageId, 'Sent')).toHaveLength(1);
  });

  it('files a reply the server accepted but Sent did not get, without sending it again', async () => {
    world.core.db.orm.update(mailboxes).set({ sentFolder: 'Envoyés' }).where(eq(mailboxes.id, world.mailboxId)).run();
    const { outboxId, messageId } = world.queueReply();
    try {
      expect((await world.worker().runOnce()).get(outboxId)).toBe('retry');
      const row = world.outboxRow(outboxId);
      expect(row.status).toBe('sending');
      expect(row.sentAt).not.toBeNull();
      expect(row.lastError).toMatch(/Le dossier « Envoyés » n’existe pas.*« Sent »/);
    } finally {
      world.core.db.orm.update(mailboxes).set({ sentFolder: '' }).where(eq(mailboxes.id, world.mailboxId)).run();
    }
    world.clock.advance(hour);
    expect((await world.worker().runOnce()).get(outboxId)).toBe('sent');
    expect(acceptedCount(messageId)).toBe(1);
    expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
    expect(await readByMessageId(rig, CENTRE, messageId, 'Sent')).toHaveLength(1);
  });

  it('leaves alone a row another running worker holds (lease not run out)', async () => {
    const { outboxId } = world.queueReply();
    world.core.db.orm
      .update(outbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: new Date(world.clock.now().getTime() + 60_000).toISOString() })
      .where(eq(outbox.id, outboxId))
      .run();
    expect((await world.worker().runOnce()).has(outboxId)).toBe(false);
    world.clock.advance(hour);
    expect((await world.worker().runOnce()).get(outboxId)).toBe('sent');
  });

  it('sends once after the process is killed (SIGKILL) in the middle of sending', async () => {
    const silent = await startFaultProxy(rig.smtp.port);
    silent.silence();
    let driver: DriverProcess | undefined;
    try {
      // The child's SMTP server accepts the connection and never greets: it is stuck mid-send.
      world.core.db.orm.update(mailboxes).set({ smtpPort: silent.port }).where(eq(mailboxes.id, world.mailboxId)).run();
      const { outboxId, messageId } = world.queueReply();
      // The child runs on the real clock, which the test clock may be ahead of.
      world.core.db.orm.update(outbox).set({ nextAttemptAt: new Date(Date.now() - 1000).toISOString() }).where(eq(outbox.id, outboxId)).run();
      const config = { dataDir: world.dataDir, migrationsFolder, secretKey: SECRET_KEY, password: CENTRE.password, ca: rig.dovecot.ca };
      const child = (driver = await startDriver(config));
      await expect
        .poll(() => silent.accepted.length > 0 && world.outboxRow(outboxId).status === 'sending', {
          timeout: 20_000,
          message: `driver stderr: ${child.output()}`,
        })
        .toBe(true);
      await child.kill();

      useRealServer();
      expect(acceptedCount(messageId)).toBe(0);
      // The app starts again: the row's lease runs out and the new worker resolves it.
      world.clock.advance(hour);
      expect((await world.worker().runOnce()).get(outboxId)).toBe('sent');
      expect(world.outboxRow(outboxId)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
      expect((await world.worker().runOnce()).size).toBe(0);
    } finally {
      await driver?.kill();
      useRealServer();
      await silent.close();
    }
    // Bundling and starting a second Node process takes a while on a loaded machine.
  }, 90_000);
});

describe('outbox stopped in the middle of a send', () => {
  it('cuts a send a silent server holds, records it and the rest of its batch to be sent at the next start', async () => {
    const silent = await startFaultProxy(rig.smtp.port);
    silent.silence();
    const worker = world.worker();
    try {
      // Three replies due together: one batch, sent one after the other, the first one stuck.
      const replies = await viaProxy(silent.port, () => [world.queueReply(), world.queueReply(), world.queueReply()]);
      worker.start();
      await expect.poll(() => silent.accepted.length > 0 && world.outboxRow(replies[0]!.outboxId).status === 'sending', { timeout: 20_000 }).toBe(true);

      // The server would keep each until its greeting timeout (15 s, so 45 s for the batch): stop waits for none.
      await worker.stop();
      for (const { outboxId } of replies) {
        const row = world.outboxRow(outboxId);
        expect(row).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
        expect(row.lastError).toMatch(/interrompu par l’arrêt de l’application/);
      }
      expect(silent.accepted).toHaveLength(1);

      useRealServer();
      world.clock.advance(hour);
      const results = await world.worker().runOnce();
      for (const { outboxId, messageId } of replies) {
        expect(results.get(outboxId)).toBe('sent');
        expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
      }
    } finally {
      await worker.stop();
      useRealServer();
      await silent.close();
    }
  });

  it('cuts a look in Sent a silent IMAP server holds, and keeps the reply to resolve', async () => {
    const silent = await startFaultProxy(rig.dovecot.imapPort);
    silent.silence();
    const { outboxId, messageId } = world.queueReply();
    leaveAsCrashed(outboxId);
    const imap = world.core.db.orm.select().from(mailboxes).where(eq(mailboxes.id, world.mailboxId)).get()!;
    world.core.db.orm.update(mailboxes).set({ imapPort: silent.port, imapTls: 'none' }).where(eq(mailboxes.id, world.mailboxId)).run();
    const worker = world.worker();
    try {
      worker.start();
      await expect.poll(() => silent.accepted.length, { timeout: 20_000 }).toBeGreaterThan(0);

      await worker.stop();
      const row = world.outboxRow(outboxId);
      // It may have left before the crash: still to be looked for in Sent, never simply resent.
      expect(row).toMatchObject({ status: 'sending', attempts: 2, sentAt: null });
      expect(row.lastError).toMatch(/vérification dans les messages envoyés impossible : l’application s’arrête/);
    } finally {
      await worker.stop();
      world.core.db.orm.update(mailboxes).set({ imapPort: imap.imapPort, imapTls: imap.imapTls }).where(eq(mailboxes.id, world.mailboxId)).run();
      await silent.close();
    }
    world.clock.advance(hour);
    expect((await world.worker().runOnce()).get(outboxId)).toBe('sent');
    expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
  });
});

describe('outbox after a connection lost once the whole message was written', () => {
  it('keeps the reply to resolve, and resends it when Sent shows it never arrived', async () => {
    const proxy = await cutAtEndOfData('before');
    try {
      const { outboxId, messageId } = await viaProxy(proxy.port, () => world.queueReply());
      expect((await world.worker().runOnce()).get(outboxId)).toBe('retry');
      expect(proxy.resets).toBe(1);
      const row = world.outboxRow(outboxId);
      expect(row).toMatchObject({ status: 'sending', sentAt: null });
      expect(row.lastError).toMatch(/interrompue après la transmission du message/);

      useRealServer();
      world.clock.advance(hour);
      expect((await world.worker().runOnce()).get(outboxId)).toBe('sent');
      expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
    } finally {
      useRealServer();
      await proxy.close();
    }
  });

  it('does not resend it when the server accepted it and filed it in Sent itself', async () => {
    const proxy = await cutAtEndOfData('before_reply');
    try {
      const { outboxId, messageId } = await viaProxy(proxy.port, () => world.queueReply());
      expect((await world.worker().runOnce()).get(outboxId)).toBe('retry');
      expect(world.outboxRow(outboxId).status).toBe('sending');
      // As servers that file submitted mail do (Gmail, Exchange): the copy is in Sent already.
      await rig.dovecot.deliver(CENTRE.user, readFileSync(path.join(world.dataDir, 'outbox', `${outboxId}.eml`)), 'Sent');

      useRealServer();
      world.clock.advance(hour);
      expect((await world.worker().runOnce()).get(outboxId)).toBe('sent');
      expect(acceptedCount(messageId)).toBe(1);
      expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
      expect(await readByMessageId(rig, CENTRE, messageId, 'Sent')).toHaveLength(1);
    } finally {
      useRealServer();
      await proxy.close();
    }
  });
});

/**
 * Cuts the connection at SMTP's end of data, before the final dot reaches the server (it cannot
 * have accepted the message) or once the server answered it (it did). Either way the client
 * wrote everything and heard nothing back.
 */
async function cutAtEndOfData(cut: 'before' | 'before_reply'): Promise<FaultProxy> {
  const proxy = await startFaultProxy(rig.smtp.port);
  proxy.resetWhen({ from: 'client', pattern: '\r\n.\r\n', cut });
  return proxy;
}

/** Plaintext SMTP is allowed on loopback: the proxy can then see where the message ends. */
async function viaProxy<T>(port: number, queue: () => T): Promise<T> {
  world.core.db.orm.update(mailboxes).set({ smtpPort: port, smtpTls: 'none' }).where(eq(mailboxes.id, world.mailboxId)).run();
  return queue();
}

function useRealServer(): void {
  world.core.db.orm.update(mailboxes).set({ smtpPort: rig.smtp.port, smtpTls: 'starttls' }).where(eq(mailboxes.id, world.mailboxId)).run();
}
