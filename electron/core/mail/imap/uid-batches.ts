/** A message waiting on the server: its UID and RFC822.SIZE, as listed before any download. */
export interface ListedMessage {
  uid: number;
  size: number;
}

/** Downloaded and filed, or too large: recorded from its headers alone. */
export type PlannedMessage = ListedMessage & { fate: 'download' | 'oversize' };

export interface BatchLimits {
  /** UIDs per FETCH. */
  maxUids: number;
  /** Bytes of sources per FETCH (a single larger message still goes alone). */
  maxBytes: number;
  /** Larger messages are not downloaded at all. */
  maxMessageBytes: number;
}

/** 50 UIDs or 64 MB per FETCH; 25 MB per message, the limit most providers put on what they send. */
export const defaultBatchLimits: BatchLimits = { maxUids: 50, maxBytes: 64 * 1024 * 1024, maxMessageBytes: 25 * 1024 * 1024 };

/**
 * Splits the listed messages, in UID order, into batches bounded by count and by bytes, so that a
 * rescan of a large mailbox never holds more than one batch of sources in memory.
 */
export function planBatches(listed: readonly ListedMessage[], limits: BatchLimits): PlannedMessage[][] {
  const batches: PlannedMessage[][] = [];
  let current: PlannedMessage[] = [];
  let bytes = 0;
  for (const message of [...listed].sort((a, b) => a.uid - b.uid)) {
    const fate = message.size > limits.maxMessageBytes ? 'oversize' : 'download';
    const weight = fate === 'download' ? message.size : 0;
    if (current.length > 0 && (current.length >= limits.maxUids || bytes + weight > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ ...message, fate });
    bytes += weight;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
