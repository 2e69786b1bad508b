import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { PlannedMessage } from './uid-batches';

export interface FetchedSource {
  source: Buffer;
  internalDate: Date | null;
}

/** What one batch brought back, by UID. A UID missing from both was expunged meanwhile. */
export interface FetchedBatch {
  sources: Map<number, FetchedSource>;
  /** BODY.PEEK[HEADER] of the over-size messages: who sent what, without the body. */
  headers: Map<number, Buffer>;
}

const uidsOf = (batch: PlannedMessage[], fate: PlannedMessage['fate']) =>
  batch.filter((message) => message.fate === fate).map((message) => message.uid);

const asDate = (value: Date | string | undefined): Date | null => {
  if (value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/**
 * `fetchAll` collects the whole response before returning: nothing else runs on the connection
 * while a FETCH streams (a command issued inside a `for await` fetch loop deadlocks, imapflow
 * #159), and the batch limits bound what it holds. imapflow asks for `BODY.PEEK[]` and
 * `BODY.PEEK[HEADER]`: the server sets no \Seen flag (RFC 3501 §6.4.5), mail stays as it was.
 */
async function fetchByUid(client: ImapFlow, uids: number[], query: { source?: true; headers?: true }): Promise<FetchMessageObject[]> {
  if (uids.length === 0) return [];
  return client.fetchAll(uids, { uid: true, internalDate: true, ...query }, { uid: true });
}

export async function fetchBatch(client: ImapFlow, batch: PlannedMessage[]): Promise<FetchedBatch> {
  const downloaded = await fetchByUid(client, uidsOf(batch, 'download'), { source: true });
  const oversize = await fetchByUid(client, uidsOf(batch, 'oversize'), { headers: true });
  const sources = new Map<number, FetchedSource>();
  for (const message of downloaded) {
    if (message.source) sources.set(message.uid, { source: message.source, internalDate: asDate(message.internalDate) });
  }
  const headers = new Map<number, Buffer>();
  for (const message of oversize) {
    if (message.headers) headers.set(message.uid, message.headers);
  }
  return { sources, headers };
}
