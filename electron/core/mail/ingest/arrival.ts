import type { Database } from '../../db/database';
import type { MailAddress } from '../../db/tables/json-types';
import type { IncomingMail } from '../incoming-mail';
import type { AutomaticKind } from './auto-reply';
import type { MessageKey } from './message-key';

/** What every step of filing one message shares: the transaction's database, its instant, the blob paths. */
export interface Filing {
  db: Database;
  now: Date;
  /** Where the blob store keeps a file by its SHA-256, relative to the data folder. */
  blobPath: (sha256: string) => string;
}

/** One message being filed, with what filing learnt about it before choosing its case. */
export interface Arrival {
  mail: IncomingMail;
  /** The contact's address (`contactAddressOf`: From, or Reply-To by the centre's rule); none: quarantined. */
  sender: MailAddress;
  key: MessageKey;
  /** Null for a person; see auto-reply.ts. */
  automatic: AutomaticKind | null;
  /** The first message we hold with the Message-ID this one claims too (see duplicates.ts), or null. */
  messageIdSeenOnId: number | null;
}
