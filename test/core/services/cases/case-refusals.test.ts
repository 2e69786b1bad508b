import { afterEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../../shared/contract';
import { caseBySubject, contactEmail, dumpDatabase, ok, people, refusal, startDemoCore, type CaseCore, type Person } from './case-fixture';

/**
 * PRODUCT.md: "an action not allowed is refused by the core with a clear error, whatever the UI showed",
 * and a refused action writes nothing: every table is dumped before and after and compared.
 */

let t: CaseCore;
afterEach(() => t.dispose());

const reply = (address: string, html = '<p>Bonjour, voici notre réponse.</p>') => ({ to: { address }, html });

interface Refused {
  name: string;
  by: Person;
  subject: string;
  input: (c: { id: number; version: number; email: string }) => Record<string, unknown>;
  code: AppError['code'];
  message: RegExp;
  /** Set-up the case needs first (a push offer, a merge…). */
  prepare?: (t: CaseCore, c: { id: number }) => unknown;
}

const cases: Refused[] = [
  {
    name: 'a reply on a closed case (wrong state)',
    by: 'camille', subject: 'Pièce justificative',
    input: (c) => ({ ...c, action: 'reply_and_close', reply: reply(c.email) }),
    code: 'refused', message: /n'est pas possible pour un dossier à l'état « Clos »/,
  },
  {
    name: '"Répondre sans clore" in a push queue',
    by: 'lucas', subject: 'Retard de livraison sur chantier',
    input: (c) => ({ ...c, action: 'reply_keep_open', reply: reply(c.email) }),
    code: 'refused', message: /mode pull/,
  },
  {
    name: 'an agent acting on a colleague’s case',
    by: 'lucas', subject: 'Demande de duplicata',
    input: (c) => ({ ...c, action: 'close' }),
    code: 'refused', message: /affecté à un autre agent/,
  },
  {
    name: 'an agent approving a held reply',
    by: 'camille', subject: 'Demande de geste commercial',
    input: (c) => ({ ...c, action: 'approve' }),
    code: 'refused', message: /Seul un superviseur/,
  },
  {
    name: 'a reject without its comment',
    by: 'sophie', subject: 'Demande de geste commercial',
    input: (c) => ({ ...c, action: 'reject', comment: '   ' }),
    code: 'refused', message: /commentaire est obligatoire/,
  },
  {
    name: 'a stale version',
    by: 'camille', subject: 'Demande de duplicata',
    input: (c) => ({ ...c, version: c.version - 1, action: 'close' }),
    code: 'conflict', message: /modifié par Camille Martin .*maintenant à l’état « A traiter »/,
  },
  {
    name: 'an empty editor sent as a reply',
    by: 'camille', subject: 'Demande de duplicata',
    input: (c) => ({ ...c, action: 'reply_and_close', reply: reply(c.email, '<p><br></p>') }),
    code: 'refused', message: /Rédigez la réponse/,
  },
  {
    name: 'a reply without a recipient',
    by: 'camille', subject: 'Demande de duplicata',
    input: (c) => ({ ...c, action: 'reply_and_wait', reply: { html: '<p>Bonjour</p>' } }),
    code: 'refused', message: /adresse e-mail à laquelle envoyer/,
  },
  {
    name: 'a changed recipient without the right',
    by: 'camille', subject: 'Demande de duplicata',
    input: (c) => ({ ...c, action: 'reply_and_close', reply: reply('quelqu.un@ailleurs.example.org') }),
    code: 'forbidden', message: /pas le droit de modifier le destinataire/,
  },
  {
    name: 'a hand-over to an unknown agent',
    by: 'camille', subject: 'Demande de duplicata',
    input: (c) => ({ ...c, action: 'assign_to_agent', targetAgentId: 99 }),
    code: 'validation', message: /n’existe pas/,
  },
  {
    name: 'a hand-over to the administrator, who handles no case',
    by: 'camille', subject: 'Demande de duplicata',
    input: (c) => ({ ...c, action: 'assign_to_agent', targetAgentId: people.admin }),
    code: 'validation', message: /ne traite pas de dossiers/,
  },
  {
    name: 'taking a push case offered to someone else',
    by: 'lucas', subject: 'Colis reçu endommagé',
    prepare: (t, c) => t.core.db.sqlite.prepare('UPDATE cases SET offered_to_id = ? WHERE id = ?').run(people.sophie, c.id),
    input: (c) => ({ ...c, action: 'take' }),
    code: 'refused', message: /proposé à un autre agent/,
  },
  {
    name: 'an action disabled by the administrator for the queue',
    by: 'camille', subject: 'Demande de duplicata',
    prepare: (t) => t.core.db.sqlite.prepare(`UPDATE queues SET allowed_actions = '["take","close"]' WHERE id = 1`).run(),
    input: (c) => ({ ...c, action: 'reply_and_wait', reply: reply(c.email) }),
    code: 'refused', message: /désactivée par l'administrateur/,
  },
  {
    name: 'an action on a merged case',
    by: 'camille', subject: 'Demande de duplicata',
    prepare: (t, c) => t.core.db.sqlite.prepare('UPDATE cases SET merged_into_id = 1 WHERE id = ?').run(c.id),
    input: (c) => ({ ...c, action: 'close' }),
    code: 'refused', message: /fusionné dans le dossier 000001/,
  },
  {
    name: 'a reply when no mailbox can send it',
    by: 'camille', subject: 'Demande de duplicata',
    // As an administrator would: « Paramètres », no default sending mailbox (the queue has none).
    prepare: async (t) => {
      const admin = await t.as('admin');
      await ok(admin, 'admin.updateSettings', { ...(await ok(admin, 'admin.settings', {})), defaultSendingMailboxId: null });
    },
    input: (c) => ({ ...c, action: 'reply_and_close', reply: reply(c.email) }),
    code: 'refused', message: /Aucune boîte aux lettres d’envoi/,
  },
  {
    name: 'a file that was never uploaded',
    by: 'camille', subject: 'Demande de duplicata',
    input: (c) => ({
      ...c,
      action: 'reply_and_close',
      reply: {
        ...reply(c.email),
        attachments: [{ sha256: 'a'.repeat(64), size: 3, mediaType: 'text/plain', displayName: 'absent.txt' }],
      },
    }),
    code: 'validation', message: /« absent.txt » est introuvable/,
  },
  {
    name: 'an agent outside the case’s queue',
    by: 'camille', subject: 'Colis reçu endommagé',
    input: (c) => ({ ...c, action: 'take' }),
    // Worded as for a case that does not exist: a refusal confirms nothing (services/case-access.ts).
    code: 'not_found', message: /n’existe pas, ou il n’est ni sur vos bureaux ni dans l’une de vos files/,
  },
  {
    name: 'the administrator, who handles no case',
    by: 'admin', subject: 'Facture de mars',
    input: (c) => ({ ...c, action: 'take' }),
    code: 'forbidden', message: /ne permet pas de traiter des dossiers/,
  },
];

describe('cases.act refusals write nothing', () => {
  it.each(cases)('$name', async (refused) => {
    t = startDemoCore();
    const row = caseBySubject(t.core, refused.subject);
    await refused.prepare?.(t, row);
    const connection = await t.as(refused.by);
    const before = dumpDatabase(t.core);
    const heard: unknown[] = [];
    connection.onEvent((name) => heard.push(name));
    const { id, version } = row;
    const input = refused.input({ id, version, email: contactEmail(t.core, id) });
    const { email: _email, id: _id, ...command } = input;
    const error = await refusal(connection, 'cases.act', { caseId: id, ...command });
    expect(error.code).toBe(refused.code);
    expect(error.message).toMatch(refused.message);
    expect(dumpDatabase(t.core)).toEqual(before);
    expect(heard).toEqual([]);
  });
});
