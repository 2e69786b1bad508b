import { and, desc, eq } from 'drizzle-orm';
import type { Suggestion } from '../../../../shared/domain/template';
import type { Database } from '../../db/database';
import { sanitizeReplyHtml } from '../../mail/html-sanitizer';
import { cases, messages, templates } from '../../db/schema';
import { notFound } from '../access';
import { textToHtml } from './html-text';
import { caseMissing, fillPlaceholders, placeholderValues, retarget, type PlaceholderValues } from './placeholders';
import { anyOf, meaningfulTerms } from './query-terms';
import { lastAgentReply, type CorpusHit, type createTextCorpus } from './text-corpus';

type Corpus = ReturnType<typeof createTextCorpus>;

const maxSuggestions = 3;

/**
 * PRODUCT.md "Suggested replies": templates and the replies of similar closed cases, ranked by
 * BM25 against what the contact asked (subject, question, and their latest message when they wrote
 * again), placeholders filled for this case. Nothing leaves the machine.
 */
export function suggestReplies(db: Database, corpus: Corpus, caseId: number, agentId: number): Suggestion[] {
  const values = placeholderValues(db, caseId, agentId);
  // The contact signs their message: their name would find their own old cases, not similar ones.
  const names = new Set(meaningfulTerms(`${values['contact.firstName']} ${values['contact.lastName']}`));
  const match = anyOf(meaningfulTerms(questionOf(db, caseId)).filter((term) => !names.has(term)));
  if (!match) return [];
  return corpus
    .rank(match, maxSuggestions, undefined, caseId)
    .map((hit) => (hit.source === 'template' ? fromTemplate(db, hit, values) : fromCase(db, hit, values)));
}

function questionOf(db: Database, caseId: number): string {
  const found = db.orm
    .select({ subject: cases.subject, question: cases.questionText })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!found) throw notFound(caseMissing);
  const latest = db.orm
    .select({ text: messages.text })
    .from(messages)
    .where(and(eq(messages.caseId, caseId), eq(messages.direction, 'in')))
    .orderBy(desc(messages.date), desc(messages.id))
    .get();
  return [found.subject, found.question, latest?.text ?? ''].join('\n');
}

const score = (hit: CorpusHit) => Math.round(-hit.rank * 1000) / 1000;

function fromTemplate(db: Database, hit: CorpusHit, values: PlaceholderValues): Suggestion {
  const row = db.orm.select().from(templates).where(eq(templates.id, hit.ref)).get() as typeof templates.$inferSelect;
  const html = sanitizeReplyHtml(fillPlaceholders(row.bodyHtml, values));
  return { source: 'template', templateId: row.id, title: row.title, html, score: score(hit) };
}

function fromCase(db: Database, hit: CorpusHit, values: PlaceholderValues): Suggestion {
  const closed = db.orm.select().from(cases).where(eq(cases.id, hit.ref)).get() as typeof cases.$inferSelect;
  const reply = lastAgentReply(db, closed.id);
  const html = reply?.html ? sanitizeReplyHtml(reply.html) : textToHtml(reply?.text ?? '');
  const original = placeholderValues(db, closed.id, reply?.authorId ?? null);
  return {
    source: 'case',
    caseId: closed.id,
    caseNumber: closed.number,
    title: closed.subject,
    html: retarget(html, original, values),
    score: score(hit),
  };
}
