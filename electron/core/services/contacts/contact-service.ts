import type { AgentSummary } from '../../../../shared/domain/agent';
import { contactSchema, type ContactInput } from '../../../../shared/domain/contact-schema';
import {
  contactUpdateSchema,
  type ContactCard,
  type ContactCase,
  type ContactSummary,
  type ContactUpdateInput,
} from '../../../../shared/domain/contact-view';
import type { Database } from '../../db/database';
import type { Clock } from '../../ports';
import { ownerOfEmail } from './contact-email';
import { contactCases } from './contact-history';
import { toCard } from './contact-rows';
import { searchContacts } from './contact-search';
import { insertContact, readContact, replaceContact } from './contact-store';
import { caseHandler } from '../cases/case-scope';
import { parseForm } from './parse-form';

export type ContactService = ReturnType<typeof createContactService>;

/** The contact cards (seed "Créer un dossier", PRODUCT.md "Consulting a case and a contact"). */
export function createContactService({ db, clock }: { db: Database; clock: Clock }) {
  /** Under the write lock from the first read: the e-mail check and the write see the same rows. */
  const write = <T>(change: () => T): T => db.sqlite.transaction(change).immediate();
  const schema = () => contactSchema({ today: clock.now() });
  // Contacts are the work of agents and supervisors (PRODUCT.md "Roles"); rights as they are now.
  const allowed = (actor: AgentSummary) => void caseHandler(db, actor);

  return {
    search(input: { q: string; limit: number }, actor: AgentSummary): ContactSummary[] {
      allowed(actor);
      return searchContacts(db, input.q, input.limit);
    },

    get(contactId: number, actor: AgentSummary): ContactCard {
      allowed(actor);
      return readContact(db, contactId);
    },

    create(input: ContactInput, actor: AgentSummary): ContactCard {
      allowed(actor);
      const contact = parseForm(schema(), input);
      return write(() => insertContact(db, contact, clock.now().toISOString()));
    },

    update(input: ContactUpdateInput, actor: AgentSummary): ContactCard {
      allowed(actor);
      const { contactId, ...contact } = parseForm(contactUpdateSchema({ today: clock.now() }), input);
      return write(() => replaceContact(db, contactId, contact, clock.now().toISOString()));
    },

    history(contactId: number, actor: AgentSummary): ContactCase[] {
      allowed(actor);
      readContact(db, contactId);
      return contactCases(db, contactId);
    },

    /** While typing: blank or unknown gives null (the form warns only about a real owner). */
    checkEmail(input: { email: string; exceptContactId?: number }, actor: AgentSummary): ContactCard | null {
      allowed(actor);
      const owner = ownerOfEmail(db, input.email, input.exceptContactId);
      return owner ? toCard(owner) : null;
    },
  };
}
