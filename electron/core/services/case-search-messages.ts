import { asc, inArray, sql, type SQL } from 'drizzle-orm';
import type { SnippetPart } from '../../../shared/domain/desk-search';
import type { Database } from '../db/database';
import { cases, messages } from '../db/schema';
import type { SearchTerms } from './case-search-query';
import { textSnippet } from './case-search-snippet';

/**
 * Search in the text of messages (replies, the contact's answers) through messages_fts (migration
 * 0003), with the same sanitised MATCH expression as the cases: every word in one message.
 */
export interface MessageHit {
  id: number;
  receivedAt: string;
}

/**
 * Every word in the message's text. The message that opened a case is skipped: its text is the
 * case's question, which cases_fts already searches (and ranks).
 */
function textMatches(terms: SearchTerms): SQL {
  const found = sql`SELECT rowid FROM messages_fts WHERE messages_fts MATCH ${terms.match}`;
  return sql`${messages.attachReason} IS NOT 'new_case' AND ${messages.id} IN (${found})`;
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
