import { eq } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import { mailboxes } from '../../db/schema';
import type { IncomingMail, IngestOutcome } from '../incoming-mail';
import { acknowledge } from './acknowledgement';
import { appendToCase } from './append-to-case';
import type { Arrival, Filing } from './arrival';
import { automaticKind, senderOf } from './auto-reply';
import type { CaseChange } from './case-change';
import { advanceCheckpoint } from './checkpoint';
import { findDuplicate } from './duplicates';
import { messageKey } from './message-key';
import { openCase } from './new-case';
import { ownAddresses } from './own-addresses';
import { recordQuarantine } from './quarantine';
import { routeMail } from './route';
import { matchThread } from './thread-matcher';

/** What filing did, and the cases to announce once the transaction has committed. */
export interface Filed {
  outcome: IngestOutcome;
  changes: CaseChange[];
}

const nothingChanged = (outcome: IngestOutcome): Filed => ({ outcome, changes: [] });

/** Quarantine reason shown to the supervisor, in French like every message of the product. */
export const noSenderReason = 'Message sans expéditeur (ni From ni Reply-To) : impossible de le rattacher à un contact.';

/**
 * Files one message and moves its folder's checkpoint. Runs inside the caller's transaction,
 * synchronously, with no I/O: a throw anywhere leaves neither the message nor the checkpoint.
 */
export function fileMessage(filing: Filing, mail: IncomingMail): Filed {
  const filed = fileOnce(filing, mail);
  advanceCheckpoint(filing.db, mail);
  return filed;
}

function fileOnce(filing: Filing, mail: IncomingMail): Filed {
  const { db } = filing;
  const key = messageKey(mail);
  const duplicate = findDuplicate(db, mail, key);
  if (duplicate) return nothingChanged({ kind: 'duplicate', caseId: duplicate.caseId });
  const sender = senderOf(mail);
  if (!sender) {
    recordQuarantine(filing, { ...mail, reason: noSenderReason });
    return nothingChanged({ kind: 'ignored', reason: 'no_sender' });
  }
  const arrival: Arrival = { mail, sender, key, automatic: automaticKind(mail, ownAddresses(db)) };
  const match = matchThread(db, mail, normalizeEmail(sender.address));
  if (match) {
    const { outcome, change } = appendToCase(filing, arrival, match);
    return { outcome, changes: [change] };
  }
  // Our own mail threading nowhere: filing it would open a case whose contact is ourselves.
  if (arrival.automatic === 'loop') return nothingChanged({ kind: 'ignored', reason: 'loop' });
  return openNewCase(filing, arrival);
}

function openNewCase(filing: Filing, arrival: Arrival): Filed {
  const { db } = filing;
  const mailbox = db.orm.select({ queueId: mailboxes.queueId }).from(mailboxes).where(eq(mailboxes.id, arrival.mail.mailboxId)).get();
  if (!mailbox) throw new Error(`La boîte aux lettres ${arrival.mail.mailboxId} n’existe plus : message non classé.`);
  const route = routeMail(db, arrival.mail, mailbox.queueId);
  const opened = openCase(filing, arrival, route);
  // SPEC "Incoming routing": acknowledged on a new case only, never to a machine.
  if (arrival.automatic === null) acknowledge(filing, arrival, opened.outcome.caseId, route.queueId);
  return { outcome: opened.outcome, changes: [opened.change] };
}
