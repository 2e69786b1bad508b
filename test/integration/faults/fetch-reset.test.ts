import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, messages, quarantine } from '../../../electron/core/db/schema';
import { CENTRE } from '../../core/mail/outbox/centre-rig';
import { customer } from '../mail-journeys/journey-world';
import { startFaultWorld, type FaultWorld } from './fault-world';

/**
 * The connection is reset while Dovecot streams a FETCH of message sources, in the middle of one
 * message's bytes. Nothing of the interrupted batch may be stored half (a case without its message,
 * a message without its attachment), and after the reconnection every message is stored once.
 */
const lucie = customer('lucie', 'Lucie Fabre');
const count = 5;

function mailWithAttachment(n: number): { messageId: string; raw: string } {
  const messageId = `<colis-${n}.${Date.now()}@test.local>`;
  const pdf = Buffer.from(`%PDF-1.4\n% bon de livraison ${n}\n${'x'.repeat(2_000)}\n`).toString('base64').replace(/.{76}/g, '$&\r\n');
  const raw = [
    `From: ${lucie.name} <${lucie.user}>`,
    `To: ${CENTRE.user}`,
    `Subject: Bon de livraison ${n}`,
    `Message-ID: ${messageId}`,
    'Date: Fri, 14 Mar 2025 10:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="sep"',
    '',
    '--sep',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Voici le bon de livraison n° ${n}.`,
    '--sep',
    `Content-Type: application/pdf; name="bon-${n}.pdf"`,
    `Content-Disposition: attachment; filename="bon-${n}.pdf"`,
    'Content-Transfer-Encoding: base64',
    '',
    pdf,
    '--sep--',
    '',
  ].join('\r\n');
  return { messageId, raw };
}

let world: FaultWorld;

beforeAll(async () => {
  // Two messages per FETCH: the reset falls in a later batch than the first.
  world = await startFaultWorld([lucie], { limits: { maxUids: 2 }, timing: { backoff: { baseMs: 100, capMs: 1_000 } } });
});
afterAll(async () => {
  await world?.stop();
});

describe('a connection reset in the middle of a FETCH', () => {
  it('leaves no half-stored message, and stores each message exactly once after reconnecting', async () => {
    await world.listening();
    const armedAt = world.statuses.length;
    // Cut 500 bytes into the third message source the server sends.
    world.imap.resetWhen({ from: 'server', pattern: 'BODY[] {', occurrence: 3, thenBytes: 500 });
    const mails = Array.from({ length: count }, (_, i) => mailWithAttachment(i + 1));
    for (const mail of mails) await world.rig.dovecot.deliver(CENTRE.user, mail.raw);

    await world.imap.triggered();
    const caseIds = await Promise.all(mails.map((mail) => world.caseOf(mail.messageId)));
    await world.listening();

    const { orm } = world.core.db;
    const ids = mails.map((mail) => mail.messageId);
    const stored = orm.select().from(messages).where(inArray(messages.messageIdHeader, ids)).all();
    expect(stored.map((row) => row.messageIdHeader).sort()).toEqual([...ids].sort());
    expect(new Set(caseIds).size).toBe(count);
    for (const [i, caseId] of caseIds.entries()) {
      const thread = orm.select().from(messages).where(eq(messages.caseId, caseId)).all();
      expect(thread.filter((row) => row.direction === 'in').map((row) => row.messageIdHeader)).toEqual([mails[i]!.messageId]);
      const files = orm.select().from(attachments).where(eq(attachments.caseId, caseId)).all();
      expect(files.map((file) => [file.displayName, file.messageId])).toEqual([[`bon-${i + 1}.pdf`, thread[0]!.id]]);
      expect(existsSync(path.join(world.core.dataDir, files[0]!.storagePath))).toBe(true);
    }
    expect(orm.select().from(quarantine).where(eq(quarantine.mailboxId, world.mailboxId)).all()).toEqual([]);
    expect(world.imap.resets).toBe(1);
    expect(world.syncConnections(armedAt)).toBe(1);
    expect(world.statuses.slice(armedAt)).toContainEqual(expect.objectContaining({ phase: 'error', message: 'Connexion au serveur IMAP interrompue.' }));
  });
});
