import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, uploadFile } from '../../../shared/contract';
import { CENTRE, COPY } from '../../core/mail/outbox/centre-rig';
import { tinyPng } from '../../core/mail/outbox/outbox-world';
import { customer, startJourneyWorld, type JourneyWorld } from './journey-world';

const paul = customer('paul', 'Paul Girard');
const logoCid = 'logo.centre@test.local';
const invoice = Buffer.from('%PDF-1.4\n% facture corrigée 2025-118\n');

let world: JourneyWorld;

beforeAll(async () => {
  world = await startJourneyWorld([paul]);
});
afterAll(async () => {
  await world?.stop();
});

describe('Répondre et attendre, then the customer answers', () => {
  it('delivers the reply with CC, inline image and attachment, files it in Sent, and brings the answer back as Retour contact', async () => {
    const question = await world.send(paul, { subject: 'Facture 2025-118 incorrecte', text: 'Le montant de ma facture est faux.' });
    const caseId = await world.caseOf(question);
    await world.sentFor(caseId, 1); // the acknowledgement

    const { agent } = world;
    const opened = await agent.cases.get({ caseId });
    const taken = await agent.cases.act({ caseId, version: opened.version, action: 'take' });
    const pdf = await uploadFile(agent, bytesSource('facture-corrigée.pdf', 'application/pdf', invoice));
    const logo = await uploadFile(agent, bytesSource('logo.png', 'image/png', tinyPng));
    const replied = await agent.cases.act({
      caseId,
      version: taken.version,
      action: 'reply_and_wait',
      reply: {
        to: { address: paul.user },
        cc: [{ name: 'Service comptable', address: COPY.user }],
        html: `<p>Bonjour Paul,</p><p>Voici votre facture corrigée.</p><p><img src="cid:${logoCid}" alt="logo"></p>`,
        attachments: [pdf, { ...logo, contentId: logoCid }],
      },
    });
    expect(replied).toMatchObject({ state: 'waiting_contact', assigneeId: world.agentId });

    const [, reply] = await world.sentFor(caseId, 2);
    expect(reply?.kind).toBe('reply');
    const replyId = reply!.messageId;
    const [received, ...duplicates] = await world.read(paul, replyId);
    expect(duplicates).toEqual([]);
    const mail = received!.parsed;
    expect(mail.from?.value).toEqual([{ name: 'Centre de relation clients', address: CENTRE.user }]);
    expect(mail.subject).toBe(`RE: Facture 2025-118 incorrecte [#${opened.number}]`);
    expect(mail.inReplyTo).toBe(question);
    expect([mail.references].flat()).toEqual([question]);
    expect(mail.cc && !Array.isArray(mail.cc) ? mail.cc.value : []).toEqual([{ name: 'Service comptable', address: COPY.user }]);
    expect(mail.html).toContain(`cid:${logoCid}`);
    const image = mail.attachments.find((a) => a.contentId === `<${logoCid}>`);
    expect(image?.related).toBe(true);
    expect(image?.content.equals(tinyPng)).toBe(true);
    const file = mail.attachments.find((a) => a.filename === 'facture-corrigée.pdf');
    expect(file?.contentDisposition).toBe('attachment');
    expect(file?.content.equals(invoice)).toBe(true);
    expect(await world.read(COPY, replyId)).toHaveLength(1);
    // An agent's reply keeps the mailbox as reverse-path: its bounces must come back to the centre.
    expect(world.rig.smtp.accepted.find((m) => m.raw.includes(replyId))?.from).toBe(CENTRE.user);

    const sent = await world.read(CENTRE, replyId, 'Sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.flags.has('\\Seen')).toBe(true);

    const answer = await world.send(paul, {
      subject: `RE: ${mail.subject}`,
      text: 'Merci, c’est bien reçu. Et pour le mois dernier ?',
      inReplyTo: replyId,
      references: [question, replyId],
    });
    expect(await world.caseOf(answer)).toBe(caseId);
    const desk = await agent.desk.list({ desk: { kind: 'in_progress' } });
    expect(desk.rows.find((row) => row.id === caseId)).toMatchObject({ state: 'contact_replied', assigneeId: world.agentId, unread: true });
  });
});
