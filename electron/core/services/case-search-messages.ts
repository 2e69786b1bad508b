import { asc, inArray, sql, type SQL } from 'drizzle-orm';
import type { SnippetPart } from '../../../shared/domain/desk-search';
import type { Database } from '../db/database';
import { cases, messages } from '../db/schema';
import { likePatterns, type SearchTerms } from './case-search-query';
import { textSnippet } from './case-search-snippet';

/**
 * Search in the text of messages. cases_fts indexes the number, subject, question and contact's
 * name but not the messages (replies, the contact's answers), and the schema has no FTS table for
 * them: until it has one (`messages_fts`, external content on `messages.text`, kept by triggers),
 * this reads the messages of the cases in scope with LIKE. Hence: a word must be in one message,
 * matching is by substring, case-insensitive for ASCII letters only, accents as typed.
 */
export interface MessageHit {
  id: number;
  receivedAt: string;
}

/**
 * Every word in the message's text. The message that opened a case is skipped: its text is the
 * case's question, which cases_fts already searches (and ranks); that halves what LIKE reads.
 */
function textMatches(terms: SearchTerms): SQL {
  const words = likePatterns(terms).map((pattern) => sql`${messages.text} LIKE ${pattern}`);
  return sql`${messages.attachReason} IS NOT 'new_case' AND ${sql.join(words, sql` AND `)}`;
}

/** Cases in `scope` with a message containing every word. */
export function messageHits(db: Database, terms: SearchTerms, scope: SQL): MessageHit[] {
  return db.orm.all<MessageHit>(sql`
    SELECT DISTINCT ${cases.id} AS id, ${cases.receivedAt} AS receivedAt
    FROM ${messages} JOIN ${cases} ON ${cases.id} = ${messages.caseId}
    WHERE ${textMatches(terms)} AND ${scope}`);
}

/** For each case, a snippet of its oldest message that contains every word. */
export function messageSnippets(db: Database, terms: SearchTerms, caseIds: number[]): Map<number, SnippetPart[]> {
  const snippets = new Map<number, SnippetPart[]>();
  if (caseIds.length === 0) return snippets;
  const found = db.orm
    .select({ caseId: messages.caseId, text: messages.text })
    .from(messages)
    .where(sql`${inArray(messages.caseId, caseIds)} AND ${textMatches(terms)}`)
    .orderBy(asc(messages.date))
    .all();
  for (const { caseId, text } of found) {
    if (!snippets.has(caseId)) snippets.set(caseId, textSnippet(text ?? '', terms.words));
  }
  return snippets;
}
