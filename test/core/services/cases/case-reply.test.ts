import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesSource, uploadFile } from '../../../../shared/contract';
import type { StagedAttachment } from '../../../../shared/domain/attachment';
import type { CaseDetail } from '../../../../shared/domain/case-detail';
import type { OutgoingMail } from '../../../../electron/core/db/schema';
import { apiOf } from '../../../support/connection-api';
import { caseBySubject, caseRow, ok, people, startDemoCore, type CaseCore } from './case-fixture';

/** PRODUCT.md "Replying" and the durable outbox: what a reply action leaves for the sender to send. */

let t: CaseCore;
beforeEach(() => {
  t = startDemoCore();
});
afterEach(() => t.dispose());

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function upload(name: string, mediaType: string, content: Buffer): Promise<StagedAttachment> {
  return uploadFile(apiOf(await t.as('camille')), bytesSource(name, mediaType, content));
}

interface OutboxRow {
  id: number;
  case_id: number;
  mailbox_id: number;
  agent_id: number;
  kind: string;
  message_id_header: string;
  status: string;
  payload: string;
}

const outboxOf = (caseId: number) =>
  t.core.db.sqlite.prepare('SELECT * FROM outbox WHERE case_id = ? ORDER BY id').all(caseId) as OutboxRow[];

describe('a reply action', () => {
  it('queues the complete message in the same transaction as the action', async () => {
    const row = caseBySubject(t.core, 'Demande d’échéancier');
    const pdf = await upload('échéancier.pdf', 'application/pdf', Buffer.from('%PDF-1.4 échéancier'));
    const logo = { ...(await upload('logo.png', 'image/png', png)), contentId: 'logo@ud' };
    const html =
      '<p>Bonjour Madame Bonnet,</p><p><strong>Votre échéancier</strong> est <span style="color: #e60000; background-image: url(http://x)">accepté</span>.</p>' +
      '<script>alert(1)</script><img src="http://tracker.example.com/p.gif"><img src="cid:logo@ud" onerror="alert(2)">' +
      '<a href="javascript:alert(3)">piège</a><a href="https://centre.example.com/aide">aide</a><iframe src="https://evil"></iframe>';
    const result = await ok(await t.as('camille'), 'cases.act', {
      caseId: row.id,
      version: row.version,
      action: 'reply_and_close',
      reply: {
        to: { name: 'Élodie Bonnet', address: 'Elodie.Bonnet@Example.com' },
        cc: [{ address: 'A@x.fr' }, { address: 'a@x.fr' }, { address: 'elodie.bonnet@example.com' }, { address: 'v.roche@expertise-roche.example.com' }],
        bcc: [{ address: 'A@X.FR' }, { address: 'B@x.fr' }, { address: 'V.Roche@expertise-roche.example.com' }],
        html,
        attachments: [pdf, logo],
      },
    });
    expect(result).toMatchObject({ state: 'closed', desk: 'processed' });

    const [queued, ...more] = outboxOf(row.id);
    expect(more).toEqual([]);
    expect(queued).toMatchObject({ kind: 'reply', status: 'queued', agent_id: people.camille, mailbox_id: 1 });
    const mail = JSON.parse(queued?.payload ?? '{}') as OutgoingMail;
    const number = row.number;
    expect(queued?.message_id_header).toMatch(new RegExp(`^<ud\\.${number}\\.[0-9a-f]{24}@centre-demo\\.example\\.com>$`));
    expect(mail.headers['Message-ID']).toBe(queued?.message_id_header);
    expect(mail.from).toEqual({ name: 'Centre de relation clients', address: 'service.clients@centre-demo.example.com' });
    expect(mail.to).toEqual([{ name: 'Élodie Bonnet', address: 'Elodie.Bonnet@Example.com' }]);
    // One address once, whatever its case, where it first appears (To, then CC, then BCC).
    expect(mail.cc).toEqual([{ address: 'A@x.fr' }, { address: 'v.roche@expertise-roche.example.com' }]);
    expect(mail.bcc).toEqual([{ address: 'B@x.fr' }]);
    expect(mail.subject).toBe(`RE: Demande d’échéancier de paiement [#${number}]`);
    expect(mail.inReplyTo).toBe(`<demo.${number}.3@mail.example.com>`);
    expect(mail.references).toEqual([
      `<demo.${number}.1@mail.example.com>`,
      `<${number}.2.reply@centre-demo.example.com>`,
      `<demo.${number}.3@mail.example.com>`,
    ]);

    expect(mail.html).toContain('<strong>Votre échéancier</strong>');
    expect(mail.html).toContain('<span style="color:#e60000">accepté</span>');
    expect(mail.html).toContain('<img src="cid:logo@ud" />');
    expect(mail.html).toContain('<a href="https://centre.example.com/aide" rel="noopener noreferrer" target="_blank">aide</a>');
    expect(mail.html).not.toMatch(/script|alert|tracker|iframe|onerror|javascript|url\(/);
    // The signature under the body, then the contact's message quoted.
    const signature = mail.html.indexOf('<p>Camille Martin<br />Service clients<br />Centre de relation clients</p>');
    const quote = mail.html.indexOf('<blockquote>');
    expect(signature).toBeGreaterThan(mail.html.indexOf('accepté'));
    expect(quote).toBeGreaterThan(signature);
    expect(mail.html).toMatch(/Élodie Bonnet &lt;elodie\.bonnet@example\.com&gt; a écrit :/);
    expect(mail.html.slice(quote)).toContain('trois mensualités de 80 €');
    expect(mail.text).toContain('Votre échéancier est accepté');
    expect(mail.text).toContain('Camille Martin');

    const files = t.core.db.sqlite
      .prepare('SELECT id, message_id, kind, sha256, display_name, storage_path, content_id FROM attachments WHERE case_id = ? ORDER BY id')
      .all(row.id) as { id: number; message_id: number; sha256: string; storage_path: string; content_id: string | null }[];
    expect(mail.attachments).toEqual([
      { attachmentId: files[0]?.id, path: `attachments/${pdf.sha256.slice(0, 2)}/${pdf.sha256}`, filename: 'échéancier.pdf', mediaType: 'application/pdf' },
      { attachmentId: files[1]?.id, path: `attachments/${logo.sha256.slice(0, 2)}/${logo.sha256}`, filename: 'logo.png', mediaType: 'image/png', contentId: 'logo@ud' },
    ]);

    const message = t.core.db.sqlite.prepare(`SELECT * FROM messages WHERE case_id = ? AND direction = 'out' ORDER BY id DESC LIMIT 1`).get(row.id) as Record<string, unknown>;
    expect(message).toMatchObject({
      outbox_id: queued?.id,
      message_id_header: queued?.message_id_header,
      subject: mail.subject,
      html: mail.html,
      author_id: people.camille,
      date: '2025-03-14T10:00:00.000Z',
    });
    expect(files.every((file) => file.message_id === message.id)).toBe(true);

    const detail = await ok(await t.as('camille'), 'cases.get', { caseId: row.id });
    const shown = (detail as CaseDetail).messages.at(-1);
    expect(shown).toMatchObject({ direction: 'out', delivery: 'queued', author: { displayName: 'Camille Martin' } });
    expect(shown?.attachments.map((file) => file.displayName)).toEqual(['échéancier.pdf', 'logo.png']);
  });

  it('lets an agent with the right send to another address', async () => {
    const row = caseBySubject(t.core, 'Question sur mon abonnement');
    await ok(await t.as('lucas'), 'cases.act', {
      caseId: row.id,
      version: row.version,
      action: 'reply_and_wait',
      reply: { to: { address: 'conjoint@example.org' }, html: '<p>Bonjour</p>' },
    });
    const mail = JSON.parse(outboxOf(row.id)[0]?.payload ?? '{}') as OutgoingMail;
    expect(mail.to).toEqual([{ address: 'conjoint@example.org' }]);
  });
});

describe('drafts and validation', () => {
  it('shows a draft saved by one agent to a colleague, with who saved it and when', async () => {
    const row = caseBySubject(t.core, 'Demande de duplicata');
    const file = await upload('duplicata.pdf', 'application/pdf', Buffer.from('%PDF duplicata'));
    t.clock.advance(60_000);
    await ok(await t.as('camille'), 'cases.act', {
      caseId: row.id,
      version: row.version,
      action: 'save_draft',
      reply: { to: { address: 'marie.lefebvre@example.org' }, cc: [{ address: 'compta@example.org' }], html: '<p>Voici le duplicata.</p>', attachments: [file] },
    });
    const seen = (await ok(await t.as('lucas'), 'cases.get', { caseId: row.id })) as CaseDetail;
    expect(seen.draft).toEqual({
      html: '<p>Voici le duplicata.</p>',
      to: { address: 'marie.lefebvre@example.org' },
      cc: [{ address: 'compta@example.org' }],
      bcc: [],
      attachments: [file],
      savedBy: { id: people.camille, displayName: 'Camille Martin' },
      savedAt: '2025-03-14T10:01:00.000Z',
    });
    expect(seen.state).toBe('todo');
    expect(outboxOf(row.id)).toEqual([]);
  });

  it('replaces the draft whole, and a sent reply spends it', async () => {
    const row = caseBySubject(t.core, 'Demande de duplicata');
    const camille = await t.as('camille');
    const first = await upload('v1.txt', 'text/plain', Buffer.from('v1'));
    const saved = await ok(camille, 'cases.act', {
      caseId: row.id, version: row.version, action: 'save_draft',
      reply: { html: '<p>v1</p>', attachments: [first] },
    });
    const resaved = await ok(camille, 'cases.act', {
      caseId: row.id, version: saved.version, action: 'save_draft', reply: { html: '<p>v2</p>' },
    });
    const draftFiles = () =>
      t.core.db.sqlite.prepare('SELECT count(*) AS n FROM attachments WHERE case_id = ? AND message_id IS NULL').get(row.id);
    expect(draftFiles()).toEqual({ n: 0 });
    expect(((await ok(camille, 'cases.get', { caseId: row.id })) as CaseDetail).draft?.html).toBe('<p>v2</p>');
    await ok(camille, 'cases.act', {
      caseId: row.id, version: resaved.version, action: 'reply_and_close',
      reply: { to: { address: 'marie.lefebvre@example.org' }, html: '<p>v3</p>' },
    });
    expect(((await ok(camille, 'cases.get', { caseId: row.id })) as CaseDetail).draft).toBeNull();
  });

  it('sends the reply for validation, holds it, and a refusal brings it back with the comment', async () => {
    const row = caseBySubject(t.core, 'Demande de duplicata');
    const submitted = await ok(await t.as('camille'), 'cases.act', {
      caseId: row.id, version: row.version, action: 'submit_for_validation',
      reply: { to: { address: 'marie.lefebvre@example.org' }, html: '<p>Voici le duplicata.</p>' },
    });
    expect(outboxOf(row.id)).toEqual([]);
    const validation = await ok(await t.as('sophie'), 'desk.list', { desk: { kind: 'validation' } });
    expect(validation.rows.map((r) => r.id)).toContain(row.id);

    t.clock.advance(3_600_000);
    await ok(await t.as('sophie'), 'cases.act', {
      caseId: row.id, version: submitted.version, action: 'reject', comment: '  Joignez la facture en PDF.  ',
    });
    const back = (await ok(await t.as('camille'), 'cases.get', { caseId: row.id })) as CaseDetail;
    expect(back).toMatchObject({ state: 'todo', assignee: { id: people.camille } });
    expect(back.draft).toMatchObject({ html: '<p>Voici le duplicata.</p>', savedBy: { displayName: 'Camille Martin' } });
    expect(back.notepad.at(-1)).toEqual({
      id: expect.any(Number),
      agent: { id: people.sophie, displayName: 'Sophie Durand' },
      text: 'Joignez la facture en PDF.',
      createdAt: '2025-03-14T11:00:00.000Z',
    });
    expect(back.history.at(-1)).toMatchObject({ action: 'reject', stateBefore: 'in_validation', stateAfter: 'todo', detail: { comment: 'Joignez la facture en PDF.' } });
    const desk = await ok(await t.as('camille'), 'desk.list', { desk: { kind: 'in_progress' } });
    expect(desk.rows.map((r) => r.id)).toContain(row.id);
    expect(outboxOf(row.id)).toEqual([]);
  });

  it('sends the held reply when the supervisor approves it, under the agent’s signature', async () => {
    const row = caseBySubject(t.core, 'Demande de duplicata');
    const file = await upload('facture.pdf', 'application/pdf', Buffer.from('%PDF facture'));
    const submitted = await ok(await t.as('camille'), 'cases.act', {
      caseId: row.id, version: row.version, action: 'submit_for_validation',
      reply: { to: { address: 'marie.lefebvre@example.org' }, bcc: [{ address: 'archives@example.org' }], html: '<p>Voici la facture.</p>', attachments: [file] },
    });
    const approved = await ok(await t.as('sophie'), 'cases.act', { caseId: row.id, version: submitted.version, action: 'approve' });
    expect(approved).toMatchObject({ state: 'closed', assigneeId: people.camille, desk: 'processed' });
    const [queued] = outboxOf(row.id);
    const mail = JSON.parse(queued?.payload ?? '{}') as OutgoingMail;
    expect(mail.to).toEqual([{ address: 'marie.lefebvre@example.org' }]);
    expect(mail.bcc).toEqual([{ address: 'archives@example.org' }]);
    expect(mail.html).toMatch(/^<p>Voici la facture\.<\/p><p><br \/><\/p><p>Camille Martin<br \/>Service clients/);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['facture.pdf']);
    expect(queued?.agent_id).toBe(people.camille);
    expect(caseRow(t.core, row.id).closed_by_id).toBe(people.camille);
    const detail = (await ok(await t.as('sophie'), 'cases.get', { caseId: row.id })) as CaseDetail;
    expect(detail.draft).toBeNull();
    expect(detail.messages.at(-1)?.attachments.map((a) => a.displayName)).toEqual(['facture.pdf']);
  });

  it('approves the demo’s held reply as it was written', async () => {
    const row = caseBySubject(t.core, 'Demande de geste commercial');
    await ok(await t.as('sophie'), 'cases.act', { caseId: row.id, version: row.version, action: 'approve', approveAs: 'waiting_contact' });
    const mail = JSON.parse(outboxOf(row.id)[0]?.payload ?? '{}') as OutgoingMail;
    expect(mail.html).toContain('Votre demande est désormais traitée');
    expect(caseRow(t.core, row.id).state).toBe('waiting_contact');
  });
});
