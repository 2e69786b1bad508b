import { eq } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import { mailboxes } from '../../db/schema';
import { readSettings } from '../../services/admin/settings';
import type { IncomingMail, IngestOutcome } from '../incoming-mail';
import { queueOversizeNotice } from '../oversize-notice/oversize-notice';
import { acknowledge } from './acknowledgement';
import { appendToCase } from './append-to-case';
import type { Arrival, Filing } from './arrival';
import { automaticKind } from './auto-reply';
import type { CaseChange } from './case-change';
import { advanceCheckpoint } from './checkpoint';
import { contactAddressOf } from './contact-address';
import { earlierHolderOf, findDuplicate } from './duplicates';
import { messageKey } from './message-key';
import { openCase } from './new-case';
import { ownAddresses } from './own-addresses';
import { recordQuarantine } from './quarantine';
import { routeMail } from './route';
import { noteRefusedClaim } from './refused-claim';
import { matchThread, type RefusedClaim, type ThreadMatch } from './thread-matcher';

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
 * one of the two, except the same message fetched again. Leaves the checkpoint alone, so that
 * « Réessayer » on a message in quarantine, long after the sync passed its UID (maybe under an older
 * UIDVALIDITY), moves nothing back.
 */
export function fileIncoming(filing: Filing, mail: IncomingMail): Filed {
  const { db } = filing;
  const duplicate = findDuplicate(db, mail);
  if (duplicate) return nothingChanged({ kind: 'duplicate', caseId: duplicate.caseId });
  const own = ownAddresses(db);
  const sender = contactAddressOf(mail, readSettings(db).replyToPolicy, own);
  if (!sender) return setAside(filing, mail, 'no_sender');
  const arrival: Arrival = {
    mail,
    sender,
    key: messageKey(mail),
    automatic: automaticKind(mail, own),
    messageIdSeenOnId: earlierHolderOf(db, mail.messageId),
  };
  const threading = matchThread(db, mail, normalizeEmail(sender.address));
  const filed =
    threading.kind === 'match'
      ? appended(filing, arrival, threading.match)
      : arrival.automatic === 'loop'
        ? null
        : openNewCase(filing, arrival, threading.kind === 'refused' ? threading.claim : null);
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

function openNewCase(filing: Filing, arrival: Arrival, claim: RefusedClaim | null): InCase {
  const { db } = filing;
  const mailbox = db.orm.select({ queueId: mailboxes.queueId }).from(mailboxes).where(eq(mailboxes.id, arrival.mail.mailboxId)).get();
  if (!mailbox) throw new Error(`La boîte aux lettres ${arrival.mail.mailboxId} n’existe plus : message non classé.`);
  const route = routeMail(db, arrival.mail, mailbox.queueId);
  const opened = openCase(filing, arrival, route);
  if (claim) noteRefusedClaim(filing, opened.outcome.caseId, claim);
  // PRODUCT.md "Incoming routing": acknowledged on a new case only, never to a machine. An over-size
  // message gets its notice instead: « reçu » and « pas reçu » for one message would contradict.
  if (arrival.automatic === null && !arrival.mail.tooLarge) acknowledge(filing, arrival, opened.outcome.caseId, route.queueId);
  return { outcome: opened.outcome, changes: [opened.change], caseId: opened.outcome.caseId };
}
