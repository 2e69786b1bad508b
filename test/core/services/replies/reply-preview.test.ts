import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesSource, uploadFile } from '../../../../shared/contract';
import type { StagedAttachment } from '../../../../shared/domain/attachment';
import type { OutgoingMail } from '../../../../electron/core/db/schema';
import { apiOf } from '../../../support/connection-api';
import { caseBySubject, contactEmail, ok, refusal, startDemoCore, type CaseCore } from '../cases/case-fixture';

/** PRODUCT.md "Replying": the preview shows exactly what the contact will receive. */

let t: CaseCore;
beforeEach(() => {
  t = startDemoCore();
});
afterEach(() => t.dispose());

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function upload(name: string, mediaType: string, content: Buffer): Promise<StagedAttachment> {
  return uploadFile(apiOf(await t.as('camille')), bytesSource(name, mediaType, content));
}

async function aReply(to: string) {
  const pdf = await upload('échéancier.pdf', 'application/pdf', Buffer.from('%PDF-1.4 échéancier'));
  const logo = { ...(await upload('logo.png', 'image/png', png)), contentId: 'logo@ud' };
  return {
    to: { name: 'Élodie Bonnet', address: to },
    cc: [{ address: 'compta@example.com' }, { address: 'COMPTA@example.com' }],
    bcc: [{ address: 'archive@example.com' }],
    html: '<p>Trois mensualités de <strong>80 €</strong>.</p><img src="cid:logo@ud"><script>alert(1)</script>',
    attachments: [pdf, logo],
  };
}

const queuedMail = (caseId: number) => {
  const row = t.core.db.sqlite.prepare(`SELECT payload FROM outbox WHERE case_id = ? AND kind = 'reply'`).get(caseId) as { payload: string };
  return JSON.parse(row.payload) as OutgoingMail;
};

describe('replies.preview', () => {
  it('is the message the reply action then queues: headers, body, signature, quoted message, files', async () => {
    const row = caseBySubject(t.core, 'Demande d’échéancier');
    const reply = await aReply(contactEmail(t.core, row.id));
    const camille = await t.as('camille');

    const preview = await ok(camille, 'replies.preview', { caseId: row.id, reply });
    const centre = { name: 'Centre de relation clients', address: 'service.clients@centre-demo.example.com' };
    expect(preview.sender).toEqual({ kind: 'default', from: centre });
    expect(preview.cc).toEqual([{ address: 'compta@example.com' }]);
    expect(preview.subject).toBe(`RE: Demande d’échéancier de paiement [#${row.number}]`);
    expect(preview.html).not.toContain('script');
    // The agent's signature, then the contact's last message quoted under it.
    const body = preview.html.indexOf('80 €');
    const signature = preview.html.indexOf('Camille Martin<br />Service clients');
    const quote = preview.html.indexOf('<blockquote>');
    expect(body).toBeGreaterThanOrEqual(0);
    expect(signature).toBeGreaterThan(body);
    expect(quote).toBeGreaterThan(signature);
    expect(preview.html.slice(quote)).toContain('trois mensualités de 80 € me conviennent');
    const pdfSize = Buffer.byteLength('%PDF-1.4 échéancier');
    expect(preview.attachments).toEqual([{ displayName: 'échéancier.pdf', size: pdfSize, mediaType: 'application/pdf' }]);
    expect(preview.inlineImages).toEqual([{ displayName: 'logo.png', size: png.length, mediaType: 'image/png', contentId: 'logo@ud' }]);

    await ok(camille, 'cases.act', { caseId: row.id, version: row.version, action: 'reply_and_close', reply });
    const sent = queuedMail(row.id);
    const { from, to, cc, bcc, subject, html } = sent;
    expect({ from, to, cc, bcc, subject, html }).toEqual({
      from: centre,
      to: preview.to,
      cc: preview.cc,
      bcc: preview.bcc,
      subject: preview.subject,
      html: preview.html,
    });
    expect(sent.attachments.map((file) => [file.filename, file.contentId ?? null])).toEqual([
      ['échéancier.pdf', null],
      ['logo.png', 'logo@ud'],
    ]);
  });

  it('refuses a To the agent may not choose, as the send would, on the To field', async () => {
    const row = caseBySubject(t.core, 'Demande d’échéancier');
    const reply = await aReply('quelqu.un@ailleurs.example.org');
    const error = await refusal(await t.as('camille'), 'replies.preview', { caseId: row.id, reply });
    expect(error.code).toBe('forbidden');
    expect(error.fields?.['reply.to.address']).toMatch(/pas le droit de modifier le destinataire/);
    // Sophie is a supervisor: the right comes with her role.
    const preview = await ok(await t.as('sophie'), 'replies.preview', { caseId: row.id, reply });
    expect(preview.to).toEqual([{ name: 'Élodie Bonnet', address: 'quelqu.un@ailleurs.example.org' }]);
    // An administrator may grant it to one agent: it applies at once, no new sign-in.
    t.core.db.sqlite.prepare('UPDATE agents SET may_change_recipient = 1 WHERE display_name = ?').run('Camille Martin');
    expect((await ok(await t.as('camille'), 'replies.preview', { caseId: row.id, reply })).to[0]?.address).toBe('quelqu.un@ailleurs.example.org');
  });

  it('refuses a reply without a To, and a case the agent cannot read', async () => {
    const row = caseBySubject(t.core, 'Demande d’échéancier');
    const missing = await refusal(await t.as('camille'), 'replies.preview', { caseId: row.id, reply: { html: '<p>Bonjour</p>' } });
    expect(missing.fields?.['reply.to.address']).toMatch(/adresse e-mail/);
    const lucasCase = caseBySubject(t.core, 'Retard de livraison sur chantier');
    const foreign = await refusal(await t.as('camille'), 'replies.preview', {
      caseId: lucasCase.id,
      reply: { to: { address: contactEmail(t.core, lucasCase.id) }, html: '<p>Bonjour</p>' },
    });
    expect(foreign.code).toBe('not_found');
  });
});

describe('replies.draftImages', () => {
  it('gives a colleague the draft’s inline images, and nothing to whoever cannot read the case', async () => {
    const row = caseBySubject(t.core, 'Retard de livraison sur chantier');
    const lucas = await t.as('lucas');
    const logo = { ...(await uploadFile(apiOf(lucas), bytesSource('plan.png', 'image/png', png))), contentId: 'plan@ud' };
    const reply = { to: { address: contactEmail(t.core, row.id) }, html: '<p>Le plan :</p><img src="cid:plan@ud">', attachments: [logo] };
    await ok(lucas, 'cases.act', { caseId: row.id, version: row.version, action: 'save_draft', reply });

    const images = await ok(await t.as('sophie'), 'replies.draftImages', { caseId: row.id });
    expect(images).toEqual([{ contentId: 'plan@ud', dataUrl: `data:image/png;base64,${png.toString('base64')}` }]);

    // Camille is in neither Lucas's desks nor his queue.
    const error = await refusal(await t.as('camille'), 'replies.draftImages', { caseId: row.id });
    expect(error.code).toBe('not_found');
  });
});
