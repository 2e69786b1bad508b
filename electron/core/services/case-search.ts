import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { deskSearchSchema, SearchPage, SearchRow, SnippetPart } from '../../../shared/domain/desk-search';
import type { Database } from '../db/database';
import { cases } from '../db/schema';
import { invalidField } from './access';
import { messageHits, messageSnippets, type MessageHit } from './case-search-messages';
import { parseSearchText, type SearchTerms } from './case-search-query';
import { matchClose, matchOpen, partsFromMarked } from './case-search-snippet';
import { filterCondition } from './desk-filters';
import { selectDeskRows, toDeskRow } from './desk-rows';
import { deskCondition, visibleCases } from './desk-scope';

type SearchQuery = z.output<typeof deskSearchSchema>;

/** A case found: by cases_fts (with its bm25 score, lower is better) or only in a message (null). */
interface Hit extends MessageHit {
  score: number | null;
}

/**
 * bm25 weights of cases_fts's columns (number, subject, question, contact_name): a word of the
 * number or the subject says more about a case than one word of a long question.
 */
const weights = sql.raw('10.0, 4.0, 1.0, 3.0');

/**
 * Full-text search over cases (PRODUCT.md "Consulting a case and a contact"), never beyond what the actor may see:
 * a desk's scope when one is given (refused as the desk would be), else every case visible to
 * them. Best matches first (bm25), then the newest; matches found only in messages come last.
 */
export function createCaseSearch(db: Database) {
  function search(query: SearchQuery, actor: AgentSummary): SearchPage {
    const terms = parseSearchText(query.q);
    if (!terms) throw invalidField('q', 'Saisissez au moins un mot : des lettres ou des chiffres.');
    const where = query.desk ? deskCondition(db, query.desk, actor) : visibleCases(db, actor);
    const scope = and(where, filterCondition(query.filters)) as SQL;
    const hits = rank(caseHits(terms, scope), messageHits(db, terms, scope));
    const page = hits.slice(query.offset, query.offset + query.limit);
    const end = query.offset + page.length;
    return { rows: pageRows(page, terms), total: hits.length, nextOffset: end < hits.length ? end : null };
  }

  function caseHits(terms: SearchTerms, scope: SQL): Hit[] {
    return db.orm.all<Hit>(sql`
      SELECT ${cases.id} AS id, ${cases.receivedAt} AS receivedAt, bm25(cases_fts, ${weights}) AS score
      FROM cases_fts JOIN ${cases} ON ${cases.id} = cases_fts.rowid
      WHERE cases_fts MATCH ${terms.match} AND ${scope}`);
  }

  function pageRows(page: Hit[], terms: SearchTerms): SearchRow[] {
    if (page.length === 0) return [];
    const rows = new Map(
      selectDeskRows(db)
        .where(inArray(cases.id, page.map((hit) => hit.id)))
        .all()
        .map((row) => [row.id, toDeskRow(row)]),
    );
    const inCase = caseSnippets(terms, page.filter((hit) => hit.score !== null).map((hit) => hit.id));
    const inMessage = messageSnippets(db, terms, page.filter((hit) => hit.score === null).map((hit) => hit.id));
    // A case merged or deleted since the hits were read is simply left out.
    return page.flatMap((hit) => {
      const row = rows.get(hit.id);
      if (!row) return [];
      const matchedIn = hit.score === null ? 'message' : 'case';
      const snippet = (matchedIn === 'case' ? inCase : inMessage).get(hit.id) ?? [];
      return [{ ...row, snippet, matchedIn }];
    });
  }

  function caseSnippets(terms: SearchTerms, caseIds: number[]): Map<number, SnippetPart[]> {
    if (caseIds.length === 0) return new Map();
    const found = db.orm.all<{ id: number; marked: string }>(sql`
      SELECT rowid AS id, snippet(cases_fts, -1, ${matchOpen}, ${matchClose}, '…', 16) AS marked
      FROM cases_fts WHERE cases_fts MATCH ${terms.match} AND rowid IN (${sql.join(caseIds, sql`, `)})`);
    return new Map(found.map(({ id, marked }) => [id, partsFromMarked(marked)]));
  }

  return { search };
}

/** Case hits by score then newest, then the cases found only in messages, newest first. */
function rank(inCases: Hit[], inMessages: MessageHit[]): Hit[] {
  const byId = new Map(inCases.map((hit) => [hit.id, hit]));
  for (const hit of inMessages) if (!byId.has(hit.id)) byId.set(hit.id, { ...hit, score: null });
  return [...byId.values()].sort(
    (a, b) => compareScores(a.score, b.score) || newestFirst(a.receivedAt, b.receivedAt) || b.id - a.id,
  );
}

const compareScores = (a: number | null, b: number | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a - b;

const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
