import type { Clock } from '../../ports';
import type { BlobStore } from '../../storage/blob-store';
import type { IncomingMail, IngestOutcome, IngestSink } from '../incoming-mail';
import { parseMessage, type ParsedSource } from '../mime/parse-message';
import type { FetchedBatch } from './fetch-batch';
import { oversizeMail } from './oversize-message';
import type { PlannedMessage } from './uid-batches';

/** The folder a batch comes from, under the UIDVALIDITY its UIDs belong to. */
export interface FolderPosition {
  mailboxId: number;
  folder: string;
  uidValidity: number;
}

export interface FilingDeps {
  sink: IngestSink;
  blobs: BlobStore;
  clock: Clock;
  maxMessageBytes: number;
}

/**
 * What became of one UID: filed in a case, or `quarantined`. `vanished`: expunged between listing
 * and fetching, so there is nothing to file (the server no longer has it either).
 */
export type Fate = IngestOutcome['kind'] | 'vanished';

export type Where = FolderPosition & { uid: number };

/** Another writer held the database past its busy timeout: worth retrying, not a bad message. */
const isTransient = (error: unknown) =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown } | null)?.code ?? ''));

/**
 * A message the sink cannot file (a bug, a constraint it did not expect) is quarantined rather
 * than retried forever: one poison message must not stop the mailbox. A busy database, or a
 * quarantine that fails too, goes up instead: the pass stops, and the next one retries.
 */
function ingestOrQuarantine(mail: IncomingMail, deps: Pick<FilingDeps, 'sink'>): Fate {
  try {
    return deps.sink.ingest(mail).kind;
  } catch (error) {
    if (isTransient(error)) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    const { mailboxId, folder, uidValidity, uid, rawSha256 } = mail;
    deps.sink.quarantine({ mailboxId, folder, uidValidity, uid, rawSha256, reason: { code: 'filing_failed', detail } });
    return 'quarantined';
  }
}

/** A parsed source filed by the sink, or set aside with the parser's reason. « Réessayer » files through it too. */
export function fileParsed(where: Where, parsed: ParsedSource, deps: Pick<FilingDeps, 'sink'>): Fate {
  if (parsed.kind === 'mail') return ingestOrQuarantine(parsed.mail, deps);
  deps.sink.quarantine({ ...where, reason: { code: 'unparseable', detail: parsed.reason }, rawSha256: parsed.rawSha256 });
  return 'quarantined';
}

async function fileDownloaded(where: Where, fetched: FetchedBatch, deps: FilingDeps): Promise<Fate> {
  const found = fetched.sources.get(where.uid);
  if (found === undefined) return 'vanished';
  return fileParsed(where, await parseMessage(found.source, { ...where, internalDate: found.internalDate }, deps), deps);
}

async function fileOversize(where: Where, size: number, fetched: FetchedBatch, deps: FilingDeps): Promise<Fate> {
  const headers = fetched.headers.get(where.uid);
  if (headers === undefined) return 'vanished';
  return fileParsed(where, await oversizeMail({ ...where, size, limit: deps.maxMessageBytes, headers }, deps), deps);
}

/**
 * Hands every message of a fetched batch to the sink, one at a time and in UID order: the sink
 * moves the checkpoint to each UID it records, so a crash resumes right after the last one.
 * Parsing and blob writes happen here, between IMAP commands and outside any transaction.
 */
export async function fileBatch(
  batch: PlannedMessage[],
  fetched: FetchedBatch,
  position: FolderPosition,
  deps: FilingDeps,
): Promise<Fate[]> {
  const fates: Fate[] = [];
  for (const message of batch) {
    const where = { ...position, uid: message.uid };
    fates.push(
      message.fate === 'oversize'
        ? await fileOversize(where, message.size, fetched, deps)
        : await fileDownloaded(where, fetched, deps),
    );
  }
  return fates;
}
