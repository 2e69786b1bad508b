import { eq } from 'drizzle-orm';
import { civilityLabels } from '../../../../shared/domain/field-rules';
import { isTemplatePlaceholder, placeholderPattern, type TemplatePlaceholder } from '../../../../shared/domain/template';
import type { Database } from '../../db/database';
import { agents, cases, contacts } from '../../db/schema';
import { notFound } from '../access';
import { escapeHtml } from './html-text';

/** Each placeholder's value, ready to go into HTML: text escaped, the signature already HTML. */
export type PlaceholderValues = Record<TemplatePlaceholder, string>;

export const caseMissing = 'Ce dossier n’existe pas.';

export function placeholderValues(db: Database, caseId: number, agentId: number | null): PlaceholderValues {
  const found = db.orm
    .select({
      number: cases.number,
      civility: contacts.civility,
      lastName: contacts.lastName,
      firstName: contacts.firstName,
    })
    .from(cases)
    .innerJoin(contacts, eq(contacts.id, cases.contactId))
    .where(eq(cases.id, caseId))
    .get();
  if (!found) throw notFound(caseMissing);
  const agentColumns = { name: agents.displayName, signature: agents.signatureHtml };
  const agent = agentId === null ? undefined : db.orm.select(agentColumns).from(agents).where(eq(agents.id, agentId)).get();
  return {
    'contact.civility': escapeHtml(civilityLabels[found.civility]),
    'contact.lastName': escapeHtml(found.lastName),
    'contact.firstName': escapeHtml(found.firstName),
    'case.number': escapeHtml(found.number),
    'agent.name': escapeHtml(agent?.name ?? ''),
    'agent.signature': agent?.signature ?? '',
  };
}

/**
 * Known placeholders get their value; an unknown one (`{{contact.email}}`) stays as typed, so the
 * agent sees it in the composer and fixes it rather than sending a silent blank.
 */
export function fillPlaceholders(html: string, values: PlaceholderValues): string {
  return html.replace(placeholderPattern, (whole, name: string) => (isTemplatePlaceholder(name) ? values[name] : whole));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A closed case's reply was written for another contact: their names, case number and agent are
 * swapped for this case's, whole words only, in one pass (so that one swap never feeds another).
 */
export function retarget(html: string, from: PlaceholderValues, to: PlaceholderValues): string {
  const pairs = new Map<string, string>([
    [`${from['contact.civility']} ${from['contact.lastName']}`, `${to['contact.civility']} ${to['contact.lastName']}`],
    [from['contact.lastName'], to['contact.lastName']],
    [from['contact.firstName'], to['contact.firstName']],
    [from['case.number'], to['case.number']],
    [from['agent.name'], to['agent.name']],
  ]);
  const sources = [...pairs.keys()].filter((source) => source.trim().length >= 2).sort((a, b) => b.length - a.length);
  if (sources.length === 0) return html;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return html.replace(pattern, (found) => pairs.get(found) ?? found);
}
