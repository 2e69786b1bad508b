import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../../shared/contract';
import type { CaseCreationInput } from '../../../../shared/domain/case-creation-schema';
import { refusal, startDemoCore, type DemoCore } from '../admin/demo-core';

/**
 * Issue 13: « Paramètres » sets the centre's default sending mailbox, and every queue, whatever its
 * media, answers from its own mailbox or from that default. Set up only through the calls the
 * administration screens make.
 */
let demo: DemoCore;
let admin: Api;
let camille: Api;
let letters: number;

const endpoint = (port: number) => ({ host: 'mail.centre.example.com', port, tls: 'implicit' as const, user: 'support' });

async function addMailbox(address: string, queueName = 'Service clients'): Promise<number> {
  const queueId = (await admin.admin.queues()).find((q) => q.name === queueName)?.id as number;
  const mailbox = await admin.mailboxes.create({
    name: address,
    address,
    senderName: 'Centre de relation clients',
    queueId,
    imap: endpoint(993),
    smtp: endpoint(465),
    password: 'secret',
  });
  return mailbox.id;
}

async function setDefault(mailboxId: number | null): Promise<void> {
  await admin.admin.updateSettings({ ...(await admin.admin.settings()), defaultSendingMailboxId: mailboxId });
}

async function letterCase(action: CaseCreationInput['action']): Promise<CaseCreationInput> {
  const options = await camille.creation.options();
  return {
    formId: options.forms.find((f) => f.media === 'letter')?.id as number,
    queueId: letters,
    contact: { lastName: 'Postal', firstName: 'Jeanne', email: 'jeanne.postal@example.org' },
    subject: 'Votre courrier du 3 mars',
    question: '<p>Courrier reçu : demande d’attestation.</p>',
    response: { html: '<p>Veuillez trouver votre attestation.</p>' },
    action,
  };
}

const outboxOf = (caseId: number) =>
  demo.core.db.sqlite.prepare('SELECT mailbox_id AS mailboxId, payload FROM outbox WHERE case_id = ?').all(caseId) as {
    mailboxId: number;
    payload: string;
  }[];

beforeEach(async () => {
  demo = startDemoCore();
  [admin, camille] = await Promise.all([demo.as('Admin Unified'), demo.as('Camille Martin')]);
  const camilleId = (await camille.session.current())?.id as number;
  letters = (await admin.admin.createQueue({ name: 'Courrier', media: 'letter', distribution: 'push', memberIds: [camilleId] })).id;
  // Whatever the demo ships with: this centre starts with no default sending mailbox.
  await setDefault(null);
});
afterEach(() => demo.dispose());

describe('the default sending mailbox', () => {
  it('is chosen in the settings, among the centre mailboxes only', async () => {
    const mailboxId = await addMailbox('support@centre.example.com');
    await setDefault(mailboxId);
    expect((await admin.admin.settings()).defaultSendingMailboxId).toBe(mailboxId);
    const unknown = await refusal(setDefault(mailboxId + 100));
    expect(unknown.fields).toEqual({ defaultSendingMailboxId: 'Choisissez une des boîtes aux lettres du centre.' });
    expect((await camille.admin.settings()).defaultSendingMailboxId).toBe(mailboxId);
  });

  it('sends the reply of a courrier case created with « Répondre et clore » from the default mailbox', async () => {
    const mailboxId = await addMailbox('support@centre.example.com');
    await setDefault(mailboxId);
    const created = await camille.creation.submit(await letterCase('reply_and_close'));
    expect(created).toMatchObject({ state: 'closed' });
    const [row] = outboxOf(created.caseId);
    expect(row?.mailboxId).toBe(mailboxId);
    expect(JSON.parse(row?.payload ?? '{}').from).toEqual({ name: 'Centre de relation clients', address: 'support@centre.example.com' });
  });

  it('lets a queue answer from its own mailbox rather than the default', async () => {
    const [support, letterBox] = [await addMailbox('support@centre.example.com'), await addMailbox('courrier@centre.example.com')];
    await setDefault(support);
    const queue = (await admin.admin.queues()).find((q) => q.id === letters);
    await admin.admin.updateQueue({ ...queue!, mailboxId: letterBox });
    const created = await camille.creation.submit(await letterCase('reply_and_close'));
    expect(outboxOf(created.caseId).map((row) => row.mailboxId)).toEqual([letterBox]);
  });

  it('refuses a reply nothing can send, naming what to set and where; nothing is written', async () => {
    await addMailbox('support@centre.example.com');
    const before = demo.dump();
    const refused = await refusal(camille.creation.submit(await letterCase('reply_and_close')));
    expect(refused.code).toBe('refused');
    expect(refused.message).toBe(
      'Aucune boîte aux lettres d’envoi n’est choisie pour la file « Courrier » : choisissez la boîte d’envoi par défaut ' +
        'dans Administration › Paramètres, ou une boîte pour la file « Courrier » dans Administration › Files.',
    );
    expect(demo.dump()).toEqual(before);
  });
});

describe('the preview, whatever the sending set-up', () => {
  async function previewOfNewCase() {
    const created = await camille.creation.submit({ ...(await letterCase('assign_to_me')), response: undefined });
    const reply = { to: { address: 'jeanne.postal@example.org' }, cc: [], bcc: [], html: '<p>Bonjour</p>', attachments: [] };
    return camille.replies.preview({ caseId: created.caseId, reply });
  }

  it('shows the message and says no sending mailbox is chosen, and where to choose one', async () => {
    const preview = await previewOfNewCase();
    expect(preview.html).toContain('Bonjour');
    expect(preview.sender).toEqual({
      kind: 'none',
      message: expect.stringContaining('Administration › Paramètres') as string,
    });
  });

  it('shows the From the reply will leave with, and that it is the centre default', async () => {
    await setDefault(await addMailbox('support@centre.example.com'));
    expect((await previewOfNewCase()).sender).toEqual({
      kind: 'default',
      from: { name: 'Centre de relation clients', address: 'support@centre.example.com' },
    });
  });
});
