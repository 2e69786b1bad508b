import { eq } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import { mailboxes } from '../../db/schema';
import type { IncomingMail, IngestOutcome } from '../incoming-mail';
import { queueOversizeNotice } from '../oversize-notice/oversize-notice';
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
import { matchThread, type ThreadMatch } from './thread-matcher';

/** What filing did, and the cases to announce once the transaction has committed. */
export interface Filed {
  outcome: IngestOutcome;
  changes: CaseChange[];
}

const nothingChanged = (outcome: IngestOutcome): Filed => ({ outcome, changes: [] });

/**
 * Files one message and moves its folder's checkpoint. Runs inside the caller's transaction,
 * synchronously, with no I/O: a throw anywhere leaves neither the message nor the checkpoint.
 */
export function fileMessage(filing: Filing, mail: IncomingMail): Filed {
  const filed = fileIncoming(filing, mail);
  advanceCheckpoint(filing.db, mail);
  return filed;
}

/**
 * Files one message in a case, or sets it aside in the quarantine: every message ends in exactly
 * one of the two. Leaves the checkpoint alone, so that « Réessayer » on a message in quarantine,
 * long after the sync passed its UID (maybe under an older UIDVALIDITY), moves nothing back.
 */
export function fileIncoming(filing: Filing, mail: IncomingMail): Filed {
  const { db } = filing;
  const key = messageKey(mail);
  const duplicate = findDuplicate(db, mail, key);
  if (duplicate) return nothingChanged({ kind: 'duplicate', caseId: duplicate.caseId });
  const sender = senderOf(mail);
  if (!sender) return setAside(filing, mail, 'no_sender');
  const arrival: Arrival = { mail, sender, key, automatic: automaticKind(mail, ownAddresses(db)) };
  const match = matchThread(db, mail, normalizeEmail(sender.address));
  const filed = match ? appended(filing, arrival, match) : arrival.automatic === 'loop' ? null : openNewCase(filing, arrival);
  // Our own mail threading nowhere: filing it would open a case whose contact is ourselves.
  if (!filed) return setAside(filing, mail, 'own_address');
  if (mail.tooLarge) queueOversizeNotice(filing, arrival, filed.caseId, mail.tooLarge);
  return filed;
}

function setAside(filing: Filing, mail: IncomingMail, code: 'no_sender' | 'own_address'): Filed {
  // An over-size message set aside keeps only its headers: the reason says why the source is short.
  const detail = mail.tooLarge ? (mail.text ?? undefined) : undefined;
  recordQuarantine(filing, { ...mail, reason: { code, detail } });
  return nothingChanged({ kind: 'quarantined', reason: code });
}

type InCase = Filed & { caseId: number };

function appended(filing: Filing, arrival: Arrival, match: ThreadMatch): InCase {
  const { outcome, change } = appendToCase(filing, arrival, match);
  return { outcome, changes: [change], caseId: outcome.caseId };
}

function openNewCase(filing: Filing, arrival: Arrival): InCase {
  const { db } = filing;
  const mailbox = db.orm.select({ queueId: mailboxes.queueId }).from(mailboxes).where(eq(mailboxes.id, arrival.mail.mailboxId)).get();
  if (!mailbox) throw new Error(`La boîte aux lettres ${arrival.mail.mailboxId} n’existe plus : message non classé.`);
  const route = routeMail(db, arrival.mail, mailbox.queueId);
  const opened = openCase(filing, arrival, route);
  // SPEC "Incoming routing": acknowledged on a new case only, never to a machine. An over-size
  // message gets its notice instead: « reçu » and « pas reçu » for one message would contradict.
  if (arrival.automatic === null && !arrival.mail.tooLarge) acknowledge(filing, arrival, opened.outcome.caseId, route.queueId);
  return { outcome: opened.outcome, changes: [opened.change], caseId: opened.outcome.caseId };
}
