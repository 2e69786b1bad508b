import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logsFolder } from '../../../electron/core/logging/log-file';
import { CENTRE, COPY, centreSettings } from '../../core/mail/outbox/centre-rig';
import { customer, startJourneyWorld, type JourneyWorld } from './journey-world';

const paul = customer('paul', 'Paul Girard');
const wrongPassword = 'Wr0ng-Pa55word!';

let world: JourneyWorld;

beforeAll(async () => {
  world = await startJourneyWorld([paul]);
});
afterAll(async () => {
  await world?.stop();
});

/** The journal of the process that runs mail, as a support person opens it. */
const journal = () => {
  try {
    return readFileSync(path.join(logsFolder(world.core.dataDir), 'unified.log'), 'utf8');
  } catch {
    return '';
  }
};
const lineMatching = (pattern: RegExp) => journal().split('\n').find((line) => pattern.test(line));

describe('the journal of a centre at work', () => {
  it('tells each mailbox sync phase, each reply that could not leave and each sync failure, never a password or a body', async () => {
    const mail = await world.send(paul, { subject: 'Colis jamais arrivé', text: 'Texte très personnel du client 7731.' });
    await world.caseOf(mail);
    const mailbox = `mailbox=${world.mailboxId}`;
    await expect.poll(() => lineMatching(new RegExp(`INFO  \\[sync\\] connecting · ${mailbox}`)), { timeout: 10_000 }).toBeDefined();
    await expect.poll(() => lineMatching(new RegExp(`INFO  \\[sync\\] fetching new messages · ${mailbox}`)), { timeout: 10_000 }).toBeDefined();
    await expect.poll(() => lineMatching(new RegExp(`INFO  \\[sync\\] up to date, waiting for new messages · ${mailbox}`)), { timeout: 10_000 }).toBeDefined();

    // A reply to an address the mail server does not know: refused for good (550).
    const options = await world.agent.creation.options();
    const created = await world.agent.creation.submit({
      formId: options.forms.find((form) => form.name === 'E-mail')!.id,
      queueId: options.queues.find((queue) => queue.name === 'Service clients')!.id,
      contact: { lastName: 'Inconnu', firstName: 'Jean', email: 'personne@test.local' },
      subject: 'Adresse inexistante',
      question: '<p>Question reçue par téléphone.</p>',
      response: { html: '<p>Réponse confidentielle numéro 4482.</p>' },
      action: 'reply_and_close',
    });
    await expect
      .poll(() => lineMatching(new RegExp(`WARN  \\[outbox\\] message not sent · outbox=\\d+ case=${created.caseId} reason=".*personne@test\\.local`)), { timeout: 20_000 })
      .toBeDefined();

    // A second mailbox whose password is wrong: its sync fails, and says so.
    const queue = (await world.admin.admin.queues()).find((q) => q.name === 'Service clients')!;
    const base = centreSettings(world.rig, queue.id);
    const wrong = await world.admin.mailboxes.create({
      ...base,
      name: 'Copie',
      address: COPY.user,
      imap: { ...base.imap, user: COPY.user },
      smtp: { ...base.smtp, user: COPY.user },
      password: wrongPassword,
    });
    await expect.poll(() => lineMatching(new RegExp(`WARN  \\[sync\\] sync failed · mailbox=${wrong.id} reason=`)), { timeout: 20_000 }).toBeDefined();

    const text = journal();
    for (const secret of [wrongPassword, CENTRE.password, paul.password, 'Texte très personnel', 'Réponse confidentielle']) {
      expect(text, secret).not.toContain(secret);
    }
    for (const line of text.trimEnd().split('\n')) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO |WARN |ERROR) \[[a-z]+\] /);
  });
});
