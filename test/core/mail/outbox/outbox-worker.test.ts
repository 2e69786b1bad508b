import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, messages } from '../../../../electron/core/db/schema';
import { CENTRE, CLIENT, COPY, readByMessageId, startCentreRig, type CentreRig } from './centre-rig';
import { createOutboxWorld, storeFile, tinyPng, type OutboxWorld } from './outbox-world';

let rig: CentreRig;
let world: OutboxWorld;

beforeAll(async () => {
  rig = await startCentreRig();
  world = await createOutboxWorld(rig);
});
afterAll(async () => {
  world?.dispose();
  await rig?.stop();
});

describe('outbox worker against the rig', () => {
  it('delivers a reply with CC, an inline image and an attachment, and files the same bytes in Sent, read', async () => {
    const [imagePath, pdfPath] = await Promise.all([
      storeFile(world.dataDir, tinyPng),
      storeFile(world.dataDir, Buffer.from('%PDF-1.4\n% devis de test\n')),
    ]);
    const { outboxId, messageId, messageRowId } = world.queueReply({
      cc: [{ name: 'Copie', address: COPY.user }],
      html: '<p>Bonjour,</p><p><img src="cid:logo.centre@test.local" alt="logo"></p>',
      inReplyTo: '<question-2@client.test.local>',
      references: ['<question-1@client.test.local>', '<question-2@client.test.local>'],
      attachments: [
        { attachmentId: 1, path: imagePath, filename: 'logo.png', mediaType: 'image/png', contentId: 'logo.centre@test.local' },
        { attachmentId: 2, path: pdfPath, filename: 'devis.pdf', mediaType: 'application/pdf' },
      ],
    });

    const results = await world.worker().runOnce();
    expect(results.get(outboxId)).toBe('sent');

    const [received, ...duplicates] = await readByMessageId(rig, CLIENT, messageId);
    expect(duplicates).toEqual([]);
    const mail = received?.parsed;
    expect(mail?.messageId).toBe(messageId);
    expect(mail?.from?.value).toEqual([{ name: 'Centre de relation clients', address: CENTRE.user }]);
    expect(mail?.subject).toBe(world.outboxRow(outboxId).payload.subject);
    expect(mail?.inReplyTo).toBe('<question-2@client.test.local>');
    expect(mail?.references).toEqual(['<question-1@client.test.local>', '<question-2@client.test.local>']);
    expect(mail?.headers.get('x-unified-case')).toBe(world.caseNumber);
    expect(mail?.html).toContain('cid:logo.centre@test.local');
    expect(mail?.text).toContain('Bonjour');
    const image = mail?.attachments.find((a) => a.contentId === '<logo.centre@test.local>');
    expect(image?.contentType).toBe('image/png');
    expect(image?.content.equals(tinyPng)).toBe(true);
    expect(image?.related).toBe(true);
    const pdf = mail?.attachments.find((a) => a.filename === 'devis.pdf');
    expect(pdf?.contentDisposition).toBe('attachment');
    expect(pdf?.content.toString()).toContain('devis de test');

    expect(await readByMessageId(rig, COPY, messageId)).toHaveLength(1);

    const sent = await readByMessageId(rig, CENTRE, messageId, 'Sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.flags.has('\\Seen')).toBe(true);
    // What is in Sent is exactly what the SMTP server was handed.
    const accepted = rig.smtp.accepted.find((m) => m.raw.includes(messageId));
    expect(accepted?.raw.equals(sent[0]?.raw as Buffer)).toBe(true);
    expect(accepted?.to.sort()).toEqual([CLIENT.user, COPY.user].sort());

    const row = world.outboxRow(outboxId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt).toBe(world.clock.now().toISOString());
    // The thread's "source" view gets the very message, and the spool is cleaned.
    const message = world.core.db.orm.select().from(messages).where(eq(messages.id, messageRowId)).get();
    expect(message?.rawPath).toMatch(/^attachments[\\/]/);
    expect(readFileSync(path.join(world.dataDir, message?.rawPath as string)).equals(sent[0]?.raw as Buffer)).toBe(true);
    await expect.poll(() => existsSync(path.join(world.dataDir, 'outbox', `${outboxId}.eml`))).toBe(false);
  });

  it('keeps BCC recipients out of the headers while delivering to them', async () => {
    const { outboxId, messageId } = world.queueReply({ bcc: [{ address: COPY.user }, { address: 'COPY@test.local' }] });
    await world.worker().runOnce();
    expect(world.outboxRow(outboxId).status).toBe('sent');
    const [copy] = await readByMessageId(rig, COPY, messageId);
    expect(copy?.raw.toString()).not.toMatch(/^bcc:/im);
    const accepted = rig.smtp.accepted.find((m) => m.raw.includes(messageId));
    expect(accepted?.to).toEqual([CLIENT.user, COPY.user]);
  });

  it('sends an agent\'s reply from the mailbox, and an automatic message from the null sender <> (RFC 3834)', async () => {
    const reply = world.queueReply();
    const automatic = world.queueReply({ headers: { 'Auto-Submitted': 'auto-replied', 'X-Unified-Case': world.caseNumber } });
    const results = await world.worker().runOnce();
    expect([results.get(reply.outboxId), results.get(automatic.outboxId)]).toEqual(['sent', 'sent']);

    const envelopeOf = (messageId: string) => rig.smtp.accepted.find((m) => m.raw.includes(messageId))?.from;
    expect(envelopeOf(reply.messageId)).toBe(CENTRE.user);
    // Bounces and other robots answer the reverse-path: empty, they have nobody to write back to.
    expect(envelopeOf(automatic.messageId)).toBe('');
    const [received] = await readByMessageId(rig, CLIENT, automatic.messageId);
    // What the contact's server recorded at delivery: what any auto-responder there would answer.
    expect(received?.raw.toString()).toMatch(/^Return-Path: <>\r$/m);
  });

  it('fails a reply the server refuses (550), tells its agent, and keeps it visible on the case', async () => {
    const { outboxId, messageId } = world.queueReply({ to: [{ address: 'nobody@test.local' }] });
    const results = await world.worker().runOnce();
    expect(results.get(outboxId)).toBe('failed');

    const row = world.outboxRow(outboxId);
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/destinataire refusé.*nobody@test\.local.*550/);
    expect(world.events).toContainEqual({
      name: 'outbox.failed',
      payload: { caseId: world.caseId, outboxId, agentId: world.agentId, reason: row.lastError },
    });
    expect(world.notes).toContainEqual({ title: 'Réponse non envoyée', body: expect.stringContaining(world.caseNumber) });
    const entry = world.core.db.orm.select().from(history).where(eq(history.action, 'reply_failed')).all();
    expect(entry.map((h) => h.detail)).toContainEqual({ outboxId, reason: row.lastError });
    expect(await readByMessageId(rig, CENTRE, messageId, 'Sent')).toEqual([]);
  });

  it('fails a reply whose attachment is gone rather than sending it without', async () => {
    const { outboxId } = world.queueReply({
      attachments: [{ attachmentId: 9, path: 'attachments/00/missing', filename: 'contrat.pdf', mediaType: 'application/pdf' }],
    });
    await world.worker().runOnce();
    expect(world.outboxRow(outboxId)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('contrat.pdf') });
  });

  it('sends on its own once started, woken by case changes rather than waiting for the next poll', async () => {
    const worker = world.worker({ pollMs: 10 * 60_000 });
    worker.start();
    try {
      await worker.runOnce(); // the start-up run is over: only a wake-up can send what comes next
      const { outboxId } = world.queueReply();
      world.core.events.emit('case.changed', { caseId: world.caseId, version: 2, state: 'waiting_contact', assigneeId: world.agentId, queueId: 1 });
      await expect.poll(() => world.outboxRow(outboxId).status, { timeout: 20_000 }).toBe('sent');
    } finally {
      await worker.stop();
    }
  });
});
