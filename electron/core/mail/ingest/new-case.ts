import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { cases, forms } from '../../db/schema';
import { writeHistory } from '../../services/cases/case-rows';
import { textToHtml } from '../../services/templates/html-text';
import type { IngestOutcome } from '../incoming-mail';
import type { Arrival, Filing } from './arrival';
import { bodyText } from './body-text';
import { caseChange, type CaseChange } from './case-change';
import { nextCaseNumber } from './case-number';
import { resolveContact } from './contact-resolver';
import { storedInstant } from './mail-date';
import type { Route } from './route';
import { storeIncomingMessage } from './store-message';

export interface Opened {
  outcome: Extract<IngestOutcome, { kind: 'new_case' }>;
  change: CaseChange;
}

/** Shown in desks and put in our replies' subjects: a case always has one. */
const noSubject = '(sans objet)';

/** The form of cases made from mail: the standard e-mail form (PRODUCT.md: one standard form per media). */
function emailFormId(db: Database): number {
  const form = db.orm
    .select({ id: forms.id })
    .from(forms)
    .where(and(eq(forms.media, 'email'), eq(forms.active, true)))
    .orderBy(desc(forms.standard), asc(forms.id))
    .get();
  // Shown by the sync as its error: the administrator is the one who can fix it.
  if (!form) throw new Error('Aucun formulaire e-mail actif : un administrateur doit en créer un pour que le courrier soit classé.');
  return form.id;
}

/**
 * The question's HTML is rebuilt from the message's text, escaped, never the sender's markup (which
 * only the sandboxed thread view shows, PRODUCT.md "Consulting a case and a contact").
 */
function questionOf(mail: Arrival['mail']): { questionText: string; questionHtml: string } {
  const questionText = bodyText(mail);
  return { questionText, questionHtml: textToHtml(questionText) };
}

/**
 * A message that belongs to no case opens one (PRODUCT.md "Incoming messages"): `todo`, unassigned, in
 * the routed queue, for the contact found or created from the sender.
 */
export function openCase(filing: Filing, arrival: Arrival, route: Route): Opened {
  const { db } = filing;
  const at = filing.now.toISOString();
  const number = nextCaseNumber(db);
  const row = {
    number,
    subject: arrival.mail.subject.trim() || noSubject,
    state: 'todo' as const,
    queueId: route.queueId,
    formId: emailFormId(db),
    qualificationId: route.qualificationId,
    contactId: resolveContact(db, arrival.sender, at),
    ...questionOf(arrival.mail),
    priority: route.priority,
    unread: true,
    createdAt: at,
    updatedAt: at,
    receivedAt: storedInstant(arrival.mail.date, filing.now),
  };
  const caseId = db.orm.insert(cases).values(row).returning({ id: cases.id }).get().id;
  const messageId = storeIncomingMessage(filing, arrival, caseId, 'new_case');
  writeHistory(db, {
    caseId,
    agentId: null,
    action: 'received',
    stateBefore: null,
    stateAfter: 'todo',
    at,
    detail: { messageId, ruleId: route.ruleId, automatic: arrival.automatic },
  });
  return { outcome: { kind: 'new_case', caseId, number }, change: caseChange(db, caseId) };
}
