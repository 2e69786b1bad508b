import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRE, CLIENT, readByMessageId, startCentreRig, type CentreRig } from './centre-rig';
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

describe('outbox retries', () => {
  it('keeps replies while the SMTP server is down, retries them with backoff, and delivers each once', async () => {
    const worker = world.worker();
    await rig.smtp.pause();
    const replies = [world.queueReply(), world.queueReply(), world.queueReply()];
    const ids = replies.map((r) => r.outboxId);
    try {
      const first = await worker.runOnce();
      expect(ids.map((id) => first.get(id))).toEqual(['retry', 'retry', 'retry']);
      for (const id of ids) {
        const row = world.outboxRow(id);
        expect(row).toMatchObject({ status: 'queued', attempts: 1 });
        expect(row.lastError).toMatch(/serveur d’envoi injoignable : connexion refusée/);
        expect(row.nextAttemptAt > world.clock.now().toISOString()).toBe(true);
      }

      // Not due yet: they wait.
      expect((await worker.runOnce()).size).toBe(0);

      world.clock.advance(hour);
      const second = await worker.runOnce();
      expect(ids.map((id) => second.get(id))).toEqual(['retry', 'retry', 'retry']);
      expect(ids.map((id) => world.outboxRow(id).attempts)).toEqual([2, 2, 2]);
    } finally {
      await rig.smtp.resume();
    }

    world.clock.advance(hour);
    const third = await worker.runOnce();
    expect(ids.map((id) => third.get(id))).toEqual(['sent', 'sent', 'sent']);
    expect((await worker.runOnce()).size).toBe(0);
    for (const { outboxId, messageId } of replies) {
      expect(world.outboxRow(outboxId)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
      expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
      expect(await readByMessageId(rig, CENTRE, messageId, 'Sent')).toHaveLength(1);
    }
  });

  it('gives a reply up after the last attempt and tells its agent', async () => {
    const worker = world.worker({ retry: { maxAttempts: 2, random: () => 0 } });
    await rig.smtp.pause();
    const { outboxId } = world.queueReply();
    try {
      expect((await worker.runOnce()).get(outboxId)).toBe('retry');
      world.clock.advance(hour);
      expect((await worker.runOnce()).get(outboxId)).toBe('failed');
    } finally {
      await rig.smtp.resume();
    }
    const row = world.outboxRow(outboxId);
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/^non envoyée après 2 tentatives : serveur d’envoi injoignable/);
    expect(world.events).toContainEqual({
      name: 'outbox.failed',
      payload: { caseId: world.caseId, outboxId, agentId: world.agentId, reason: row.lastError },
    });
    expect(world.notes.at(-1)?.title).toBe('Réponse non envoyée');
  });

  it('waits on a refused password instead of failing, and sends once an administrator fixes it', async () => {
    const worker = world.worker();
    await world.secrets.set(SECRET_KEY, 'wrong-password');
    const { outboxId, messageId } = world.queueReply();
    try {
      expect((await worker.runOnce()).get(outboxId)).toBe('retry');
      expect(world.outboxRow(outboxId)).toMatchObject({ status: 'queued', lastError: expect.stringMatching(/mot de passe.*535/) });
    } finally {
      await world.secrets.set(SECRET_KEY, CENTRE.password);
    }
    world.clock.advance(hour);
    expect((await worker.runOnce()).get(outboxId)).toBe('sent');
    expect(await readByMessageId(rig, CLIENT, messageId)).toHaveLength(1);
  });
});

describe('a suspended mailbox', () => {
  it('holds its replies queued, untouched, and sends them once it is active again', async () => {
    const worker = world.worker();
    const setActive = (active: boolean) =>
      world.core.db.sqlite.prepare('UPDATE mailboxes SET active = ? WHERE id = ?').run(active ? 1 : 0, world.mailboxId);
    setActive(false);
    const reply = world.queueReply();
    try {
      expect((await worker.runOnce()).size).toBe(0);
      expect(world.outboxRow(reply.outboxId)).toMatchObject({ status: 'queued', attempts: 0 });
    } finally {
      setActive(true);
    }
    expect((await worker.runOnce()).get(reply.outboxId)).toBe('sent');
  });
});
