import type { ImapFlow, MailboxObject } from 'imapflow';
import type { CheckpointStore } from './checkpoint-store';
import { fetchBatch } from './fetch-batch';
import { fileBatch, type Fate, type FilingDeps } from './file-batch';
import { SyncError } from './sync-errors';
import { planBatches, type BatchLimits, type ListedMessage } from './uid-batches';

/** The folder to sync, and the mailbox's Sent folder, which is never fetched. */
export interface FolderTarget {
  mailboxId: number;
  folder: string;
  sentFolder: string;
}

export interface PassDeps extends Omit<FilingDeps, 'maxMessageBytes'> {
  checkpoints: CheckpointStore;
  limits: BatchLimits;
  onProgress?: (done: number, total: number) => void;
}

export interface PassReport {
  uidValidity: number;
  /** The UIDVALIDITY changed (or the folder is new): every message was listed again. */
  rescan: boolean;
  total: number;
  fates: Partial<Record<Fate, number>>;
}

/** INBOX is case-insensitive (RFC 3501 §5.1), every other name is compared as it is. */
const sameFolder = (a: string, b: string) => a === b || (a.toUpperCase() === 'INBOX' && b.toUpperCase() === 'INBOX');

function refuseSentFolder(target: FolderTarget, mailbox?: MailboxObject): void {
  // PRODUCT.md "Incoming messages": our own replies live there; filing them would answer ourselves.
  if (sameFolder(target.folder, target.sentFolder) || mailbox?.specialUse === '\\Sent') {
    throw new SyncError('sent_folder', `${target.folder} is the Sent folder`);
  }
}

/**
 * Opens the folder read-only (EXAMINE: no flag changes, RFC 3501 §6.3.2). Freshly selected, its
 * UIDNEXT is the server's; already selected on this connection, the session only learns of new
 * messages from an untagged EXISTS and `*` means the last UID it knows of: a NOOP first brings
 * that view up to date (RFC 3501 §6.1.2), and UIDNEXT is only imapflow's estimate.
 */
async function examine(client: ImapFlow, target: FolderTarget) {
  const fresh = !(client.mailbox && sameFolder(client.mailbox.path, target.folder));
  const lock = await client.getMailboxLock(target.folder, { readOnly: true });
  try {
    const mailbox = client.mailbox as MailboxObject;
    refuseSentFolder(target, mailbox);
    if (!fresh) await client.noop();
    return { lock, mailbox, uidNext: fresh ? mailbox.uidNext : null };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Where this pass starts: after the checkpoint, or from the start under a new UIDVALIDITY. */
function startingPoint(mailbox: MailboxObject, target: FolderTarget, checkpoints: CheckpointStore) {
  const uidValidity = Number(mailbox.uidValidity);
  const checkpoint = checkpoints.read(target.mailboxId, target.folder);
  if (checkpoint?.uidValidity === uidValidity) return { uidValidity, fromUid: checkpoint.lastUid + 1, rescan: false };
  // Rescanning is safe: the sink recognises what it filed before by Message-ID.
  checkpoints.restart(target.mailboxId, target.folder, uidValidity);
  return { uidValidity, fromUid: 1, rescan: true };
}

/**
 * UIDs and sizes of everything from `fromUid` on, collected before any source is fetched. `n:*`
 * always includes the last message, even when its UID is below n (RFC 3501 §6.4.8), hence the
 * filter.
 */
async function listFrom(client: ImapFlow, fromUid: number): Promise<ListedMessage[]> {
  const listed = await client.fetchAll(`${fromUid}:*`, { uid: true, size: true }, { uid: true });
  return listed.filter((message) => message.uid >= fromUid).map((message) => ({ uid: message.uid, size: message.size ?? 0 }));
}

/**
 * One sync pass of one folder: EXAMINE it, compare its UIDVALIDITY with the checkpoint, list the
 * new UIDs and their sizes, then fetch and file them batch by batch in UID order. Mail stays on
 * the server as it was; HIGHESTMODSEQ (CONDSTORE) is recorded with the completed pass.
 */
export async function syncFolder(client: ImapFlow, target: FolderTarget, deps: PassDeps): Promise<PassReport> {
  refuseSentFolder(target);
  const { lock, mailbox, uidNext } = await examine(client, target);
  try {
    const start = startingPoint(mailbox, target, deps.checkpoints);
    // Every new message has a UID of at least UIDNEXT (RFC 3501 §2.3.1.1): nothing to list below it.
    const nothingNew = uidNext !== null && uidNext <= start.fromUid;
    const batches = planBatches(nothingNew ? [] : await listFrom(client, start.fromUid), deps.limits);
    const total = batches.reduce((sum, batch) => sum + batch.length, 0);
    const report: PassReport = { uidValidity: start.uidValidity, rescan: start.rescan, total, fates: {} };
    const position = { mailboxId: target.mailboxId, folder: target.folder, uidValidity: start.uidValidity };
    const filing = { ...deps, maxMessageBytes: deps.limits.maxMessageBytes };
    let done = 0;
    if (total > 0) deps.onProgress?.(done, total);
    for (const batch of batches) {
      const fetched = await fetchBatch(client, batch);
      for (const fate of await fileBatch(batch, fetched, position, filing)) {
        report.fates[fate] = (report.fates[fate] ?? 0) + 1;
      }
      done += batch.length;
      deps.onProgress?.(done, total);
    }
    const highestModseq = mailbox.highestModseq === undefined ? null : mailbox.highestModseq.toString();
    const at = deps.clock.now().toISOString();
    deps.checkpoints.markSynced(target.mailboxId, target.folder, { uidValidity: start.uidValidity, highestModseq, at });
    return report;
  } finally {
    lock.release();
  }
}
