import type { Database } from '../../db/database';
import { htmlToText } from './html-text';
import { placeholderPattern } from '../../../../shared/domain/template';

/**
 * What suggestions and the template search rank with BM25: templates and closed cases in one
 * FTS5 index, so that their scores compare. The schema is shared and has no such index, so it
 * lives in the connection's temp schema (never written to the file) and is brought up to date on
 * each use by comparing every document's stamp: only new or changed documents are re-read.
 */

export type CorpusSource = 'template' | 'case';

export interface CorpusHit {
  source: CorpusSource;
  ref: number;
  /** bm25(): lower is closer. */
  rank: number;
}

interface Stamp {
  source: CorpusSource;
  ref: number;
  stamp: string;
}

interface Indexed extends Stamp {
  rowid: number;
}

/** Titles count twice: a template called "Colis endommagé" is about damaged parcels. */
const weights = '2.0, 1.0';

/** A closed case is a candidate when an agent answered it: its reply is what gets suggested. */
const answeredByAgent = `EXISTS (SELECT 1 FROM messages m WHERE m.case_id = c.id AND m.direction = 'out'
  AND m.author_id IS NOT NULL AND m.auto_submitted = 0)`;

const currentStamps = `
  SELECT 'template' AS source, id AS ref, updated_at AS stamp FROM templates
  UNION ALL
  SELECT 'case', c.id, c.updated_at FROM cases c
  WHERE c.state = 'closed' AND c.merged_into_id IS NULL AND ${answeredByAgent}`;

export function createTextCorpus(db: Database) {
  let ready = false;

  function ensureTable(): void {
    if (ready) return;
    db.sqlite.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.text_corpus USING fts5(
      title, body, source UNINDEXED, ref UNINDEXED, stamp UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2')`);
    ready = true;
  }

  const refresh = () =>
    db.sqlite.transaction(() => {
      ensureTable();
      const key = (doc: Stamp) => `${doc.source}:${doc.ref}`;
      const current = new Map((db.sqlite.prepare(currentStamps).all() as Stamp[]).map((doc) => [key(doc), doc]));
      const indexed = db.sqlite.prepare('SELECT rowid, source, ref, stamp FROM temp.text_corpus').all() as Indexed[];
      const remove = db.sqlite.prepare('DELETE FROM temp.text_corpus WHERE rowid = ?');
      for (const doc of indexed) {
        if (current.get(key(doc))?.stamp === doc.stamp) current.delete(key(doc));
        else remove.run(doc.rowid);
      }
      const insert = db.sqlite.prepare(
        'INSERT INTO temp.text_corpus (title, body, source, ref, stamp) VALUES (?, ?, ?, ?, ?)',
      );
      for (const doc of current.values()) {
        const { title, body } = doc.source === 'template' ? templateText(db, doc.ref) : caseText(db, doc.ref);
        insert.run(title, body, doc.source, doc.ref, doc.stamp);
      }
    })();

  /**
   * Best first; ties go to templates (curated), then to the oldest id, so the order never wavers.
   * A rank of about zero means only words found nearly everywhere matched: no evidence, no hit.
   */
  function rank(match: string, limit: number, only?: CorpusSource, exceptCaseId?: number): CorpusHit[] {
    refresh();
    return db.sqlite
      .prepare(
        `SELECT * FROM (
           SELECT source, ref, bm25(text_corpus, ${weights}) AS rank FROM temp.text_corpus
           WHERE text_corpus MATCH ? AND (? IS NULL OR source = ?) AND NOT (source = 'case' AND ref IS ?))
         WHERE rank < -0.001 ORDER BY rank, source DESC, ref LIMIT ?`,
      )
      .all(match, only ?? null, only ?? null, exceptCaseId ?? null, limit) as CorpusHit[];
  }

  return { rank };
}

function templateText(db: Database, id: number): { title: string; body: string } {
  const row = db.sqlite.prepare('SELECT title, body_html AS html FROM templates WHERE id = ?').get(id) as {
    title: string;
    html: string;
  };
  // Placeholder names (`contact.lastName`) are not words of the reply.
  return { title: row.title, body: htmlToText(row.html.replace(placeholderPattern, ' ')) };
}

function caseText(db: Database, id: number): { title: string; body: string } {
  const row = db.sqlite.prepare('SELECT subject, question_text AS question FROM cases WHERE id = ?').get(id) as {
    subject: string;
    question: string;
  };
  const reply = lastAgentReply(db, id);
  return { title: row.subject, body: `${row.question}\n${reply?.text ?? ''}` };
}

export interface AgentReply {
  authorId: number;
  html: string | null;
  text: string;
}

/** The last reply an agent wrote on a case (not an acknowledgement), as text and as HTML when kept. */
export function lastAgentReply(db: Database, caseId: number): AgentReply | null {
  const row = db.sqlite
    .prepare(
      `SELECT author_id AS authorId, html, text FROM messages
       WHERE case_id = ? AND direction = 'out' AND author_id IS NOT NULL AND auto_submitted = 0
       ORDER BY date DESC, id DESC LIMIT 1`,
    )
    .get(caseId) as { authorId: number; html: string | null; text: string | null } | undefined;
  if (!row) return null;
  return { authorId: row.authorId, html: row.html, text: row.text ?? htmlToText(row.html ?? '') };
}
