import type { Claim } from './outbox/outbox-rows';

/** A message the outbox hands to a local mailbox: its row, and the exact bytes SMTP would have had. */
export interface LocalMessage {
  claim: Claim;
  raw: Buffer;
}

/**
 * Mailboxes the core reaches without any mail server: the outbox hands their messages to `deliver`
 * instead of SMTP, and the sync leaves them alone (there is nothing to fetch). Only the demo
 * centre has one (demo/demo-mail.ts); a real centre's mailboxes are all on its servers.
 */
export interface LocalMailboxes {
  /** Read at each use: the demo may be chosen at first start, after the mail runtime started. */
  has(mailboxId: number): boolean;
  /** Resolves once the message is kept; a rejection is a fault of ours, retried like a crash. */
  deliver(message: LocalMessage): Promise<void>;
}

export const noLocalMailboxes: LocalMailboxes = {
  has: () => false,
  deliver: () => Promise.reject(new Error('no local mailbox')),
};
