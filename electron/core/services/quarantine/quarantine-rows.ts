import path from 'node:path';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import type { AgentSummary } from '../../../../shared/domain/agent';
import { quarantineReasonTexts, type QuarantineEntry, type QuarantinePage } from '../../../../shared/domain/quarantine';
import { can } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { mailboxes, quarantine } from '../../db/schema';
import { decodeReason } from '../../mail/ingest/quarantine';
import { forbidden, notFound } from '../access';
import { currentRights } from '../admin/agent-grants';
import { emptySummary, readHead, summarize } from './header-summary';

export type QuarantineRow = typeof quarantine.$inferSelect;

/** Checked on every call, from the agent's row as it is now (a role changed applies at once). */
export function assertManagesQuarantine(db: Database, agent: AgentSummary): void {
  const rights = currentRights(db, agent.id);
  if (!rights || !can(rights, 'manage_quarantine')) {
    throw forbidden('La quarantaine des e-mails est réservée aux administrateurs et aux superviseurs.');
  }
}

/** A message still waiting in quarantine; one filed or deleted meanwhile (another window) is refused. */
export function loadWaiting(db: Database, id: number): QuarantineRow {
  const row = db.orm.select().from(quarantine).where(eq(quarantine.id, id)).get();
  if (!row) throw notFound('Ce message n’est plus en quarantaine : il a peut-être été supprimé.');
  if (row.resolvedAt !== null) {
    throw new AppFailure({ code: 'refused', message: 'Ce message a déjà été classé dans un dossier.' });
  }
  return row;
}

export const sourceFile = (dataDir: string, row: Pick<QuarantineRow, 'rawPath'>) => path.join(dataDir, row.rawPath);

type ListedRow = QuarantineRow & { mailboxName: string; mailboxAddress: string };

function reasonOf(stored: string): QuarantineEntry['reason'] {
  const { code, detail } = decodeReason(stored);
  // A row from before the codes: its French sentence is the text itself.
  if (code === 'other') return { code, text: detail ?? quarantineReasonTexts.other, detail: null };
  return { code, text: quarantineReasonTexts[code], detail };
}

/** One row as the screen shows it: the headers are read from the stored source now. */
async function toEntry(dataDir: string, row: ListedRow): Promise<QuarantineEntry> {
  const read = await readHead(sourceFile(dataDir, row));
  const summary = read ? await summarize(read.head) : emptySummary;
  return {
    id: row.id,
    mailbox: { id: row.mailboxId, name: row.mailboxName, address: row.mailboxAddress },
    quarantinedAt: row.receivedAt,
    date: summary.date,
    sender: summary.sender,
    subject: summary.subject,
    reason: reasonOf(row.reason),
    size: read?.size ?? null,
  };
}

function listedRows(db: Database, where: ReturnType<typeof and>, limit: number): ListedRow[] {
  return db.orm
    .select({ row: quarantine, mailboxName: mailboxes.name, mailboxAddress: mailboxes.address })
    .from(quarantine)
    .innerJoin(mailboxes, eq(mailboxes.id, quarantine.mailboxId))
    .where(where)
    .orderBy(desc(quarantine.id))
    .limit(limit)
    .all()
    .map(({ row, mailboxName, mailboxAddress }) => ({ ...row, mailboxName, mailboxAddress }));
}

/** Newest first (ids grow as the sync sets messages aside), by keyset pages. */
export async function listWaiting(db: Database, dataDir: string, page: { before?: number | undefined; limit: number }): Promise<QuarantinePage> {
  const waiting = isNull(quarantine.resolvedAt);
  const where = page.before === undefined ? and(waiting) : and(waiting, lt(quarantine.id, page.before));
  const rows = listedRows(db, where, page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const entries = await Promise.all(shown.map((row) => toEntry(dataDir, row)));
  return { entries, next: rows.length > page.limit ? (shown.at(-1)?.id ?? null) : null };
}

export async function entryOf(db: Database, dataDir: string, id: number): Promise<QuarantineEntry> {
  const [row] = listedRows(db, and(eq(quarantine.id, id)), 1);
  if (!row) throw notFound('Ce message n’est plus en quarantaine : il a peut-être été supprimé.');
  return toEntry(dataDir, row);
}
