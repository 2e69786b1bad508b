import { eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { Reply } from '../../../../shared/domain/reply';
import { can } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { contacts } from '../../db/schema';
import type { CaseRow } from './case-rows';
import type { CaseActor } from './case-scope';
import { lastIncoming } from './last-incoming';

/**
 * Seed "Traiter un e-mail": To is pre-filled with the sender and only agents with the right may
 * change it. "The sender" is the contact's address, or the address their last message came from
 * (a contact may write from another address); any other To needs `change_recipient`.
 * Comparison ignores case, as the seed says of A, CC and BCC.
 */
export function assertRecipientAllowed(db: Database, row: CaseRow, reply: Reply, actor: CaseActor): void {
  if (!reply.to || can(actor.rights, 'change_recipient')) return;
  const contact = db.orm.select({ email: contacts.email }).from(contacts).where(eq(contacts.id, row.contactId)).get();
  const sender = lastIncoming(db, row.id)?.from.address;
  const allowed = [contact?.email, sender].filter((a): a is string => !!a).map(normalizeEmail);
  if (allowed.includes(normalizeEmail(reply.to.address))) return;
  const message = allowed[0]
    ? `Vous n’avez pas le droit de modifier le destinataire : la réponse part à ${allowed[0]}.`
    : 'Vous n’avez pas le droit de choisir le destinataire : ce contact n’a pas d’adresse e-mail.';
  throw new AppFailure({ code: 'forbidden', message, fields: { 'reply.to.address': message } });
}
