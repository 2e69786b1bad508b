import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../../../shared/contract';
import type { CaseDetail } from '../../../shared/domain/case-detail';
import { createCore, type Core } from '../../../electron/core/create-core';
import { startMailRuntime, type MailRuntime } from '../../../electron/core/mail/mail-runtime';
import { migrationsFolder } from '../temp-database';

/**
 * Issue 13, point 3 (acceptance): the demo, chosen at first start, can answer. Its mailbox delivers
 * into a sink inside the data folder, without any network; its replies are « sent »; a demo
 * customer answers a reply that waits for them, which turns the case to « Retour contact ».
 */
let dataDir: string;
let core: Core;
let runtime: MailRuntime | null = null;

function window(): Api {
  const connection = core.connect();
  return createApi({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
}

async function signedIn(displayName: string): Promise<Api> {
  const api = window();
  const agent = (await api.session.agents()).find((a) => a.displayName === displayName);
  await api.session.signIn({ login: agent?.login ?? '', password: 'demo' });
  return api;
}

/** One of Camille's cases still to handle, with the address its reply goes to. */
async function caseToAnswer(camille: Api): Promise<CaseDetail> {
  const page = await camille.desk.list({ desk: { kind: 'in_progress' } });
  const row = page.rows.find((r) => r.state === 'todo');
  return camille.cases.get({ caseId: row?.id as number });
}

const replyTo = (detail: CaseDetail, html: string) => ({
  to: { address: detail.contact.email as string },
  cc: [],
  bcc: [],
  html,
  attachments: [],
});

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-demo-mail-'));
  core = createCore({ dataDir, migrationsFolder });
});
afterEach(async () => {
  await runtime?.stop();
  runtime = null;
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo centre’s mail', () => {
  it('sends a reply into the demo sink, shows it sent, and the customer’s answer makes the case « Retour contact »', async () => {
    await window().setup.loadDemo();
    const camille = await signedIn('Camille Martin');
    const detail = await caseToAnswer(camille);
    const reply = replyTo(detail, '<p>Pouvez-vous nous envoyer une copie de votre contrat ?</p>');

    const preview = await camille.replies.preview({ caseId: detail.id, reply });
    expect(preview.sender).toEqual({
      kind: 'default',
      from: { name: 'Centre de relation clients', address: 'service.clients@centre-demo.example.com' },
    });
    expect(preview.html).toContain('copie de votre contrat');

    runtime = await startMailRuntime(core, { demoAnswerDelayMs: 50 });
    // The demo's mailbox has no server to reach: nothing is synced over the network, and the header
    // shows it up to date rather than waiting for a server forever.
    expect(runtime.sync.running()).toEqual([]);
    expect((await camille.sync.current()).map((box) => [box.name, box.status?.phase])).toEqual([['Service clients', 'idle']]);
    await camille.cases.act({ caseId: detail.id, version: detail.version, action: 'reply_and_wait', reply });

    const outgoing = async () => (await camille.cases.get({ caseId: detail.id })).messages.filter((m) => m.direction === 'out').at(-1);
    await expect.poll(async () => (await outgoing())?.delivery, { timeout: 10_000 }).toBe('sent');
    const sunk = readdirSync(path.join(dataDir, 'demo-mail')).map((name) => readFileSync(path.join(dataDir, 'demo-mail', name), 'utf8'));
    expect(sunk).toHaveLength(1);
    expect(sunk[0]).toContain(`To: ${detail.contact.email}`);
    expect(sunk[0]).toContain('copie de votre contrat');

    await expect.poll(async () => (await camille.cases.get({ caseId: detail.id })).state, { timeout: 10_000 }).toBe('contact_replied');
    const answered = await camille.cases.get({ caseId: detail.id });
    const answer = answered.messages.at(-1);
    expect(answer).toMatchObject({ direction: 'in', attachReason: 'in_reply_to', hasSource: true });
    expect(answer?.from.address.toLowerCase()).toBe(detail.contact.email?.toLowerCase());
    expect(answer?.subject).toBe(`Re: ${(await outgoing())?.subject}`);
    // Back in Camille's En cours, as any contact's answer.
    const desk = await camille.desk.list({ desk: { kind: 'in_progress' } });
    expect(desk.rows.find((row) => row.id === detail.id)?.state).toBe('contact_replied');
  });

  it('does not exist outside the demo: a real centre’s mailbox is synced and sent over its servers', async () => {
    const admin = window();
    await admin.setup.createCentre({ centreName: 'Centre réel', login: 'admin.reel', displayName: 'Admin Réel', password: 'une longue phrase' });
    const queue = await admin.admin.createQueue({ name: 'Service clients', media: 'email', distribution: 'pull' });
    const endpoint = { host: '127.0.0.1', port: 1, tls: 'none' as const, user: 'service' };
    const mailbox = await admin.mailboxes.create({
      name: 'Service clients',
      address: 'service.clients@centre-demo.example.com',
      senderName: 'Centre',
      queueId: queue.id,
      imap: endpoint,
      smtp: endpoint,
      password: 'secret',
    });
    runtime = await startMailRuntime(core, { demoAnswerDelayMs: 0 });
    expect(runtime.sync.running()).toEqual([mailbox.id]);
    expect(existsSync(path.join(dataDir, 'demo-mail'))).toBe(false);
  });
});
