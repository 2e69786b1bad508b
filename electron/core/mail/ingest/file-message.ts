import { eq } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import { mailboxes } from '../../db/schema';
import { readSettings } from '../../services/admin/settings';
import type { IncomingMail, IngestOutcome } from '../incoming-mail';
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
import { noteRefusedClaim } from './refused-claim';
import { routeMail } from './route';
import { matchThread, type RefusedClaim } from './thread-matcher';

/** What filing did, and the cases to announce once the transaction has committed. */
export interface Filed {
  outcome: IngestOutcome;
  changes: CaseChange[];
}

const nothingChanged = (outcome: IngestOutcome): Filed => ({ outcome, changes: [] });

/** Quarantine reason shown to the supervisor, in French like every message of the product. */
export const noSenderReason = 'Message sans expéditeur (ni From ni Reply-To) : impossible de le rattacher à un contact.';
export const ownMailReason =
  'Message venant de l’une de nos propres adresses (ou portant notre marque X-Unified-Case) qui ne se rattache à aucun dossier : ' +
  'il n’ouvre pas de dossier dont le contact serait le centre.';

/**
 * Files one message and moves its folder's checkpoint. Runs inside the caller's transaction,
 * synchronously, with no I/O: a throw anywhere leaves neither the message nor the checkpoint.
 * Every message ends in a case or in the quarantine, except the same message fetched again.
 */
export function fileMessage(filing: Filing, mail: IncomingMail): Filed {
  const filed = fileOnce(filing, mail);
  advanceCheckpoint(filing.db, mail);
  return filed;
}

function fileOnce(filing: Filing, mail: IncomingMail): Filed {
  const { db } = filing;
  const duplicate = findDuplicate(db, mail);
  if (duplicate) return nothingChanged({ kind: 'duplicate', caseId: duplicate.caseId });
  const own = ownAddresses(db);
  const sender = contactAddressOf(mail, readSettings(db).replyToPolicy, own);
  if (!sender) {
    recordQuarantine(filing, { ...mail, reason: noSenderReason });
    return nothingChanged({ kind: 'ignored', reason: 'no_sender' });
  }
  const arrival: Arrival = {
    mail,
    sender,
    key: messageKey(mail),
    automatic: automaticKind(mail, own),
    messageIdSeenOnId: earlierHolderOf(db, mail.messageId),
  };
  const threading = matchThread(db, mail, normalizeEmail(sender.address));
  if (threading.kind === 'match') {
    const { outcome, change } = appendToCase(filing, arrival, threading.match);
    return { outcome, changes: [change] };
  }
  // Our own mail threading nowhere: filing it would open a case whose contact is ourselves.
  if (arrival.automatic === 'loop') {
    recordQuarantine(filing, { ...mail, reason: ownMailReason });
    return nothingChanged({ kind: 'ignored', reason: 'loop' });
  }
  return openNewCase(filing, arrival, threading.kind === 'refused' ? threading.claim : null);
}

function openNewCase(filing: Filing, arrival: Arrival, claim: RefusedClaim | null): Filed {
  const { db } = filing;
  const mailbox = db.orm.select({ queueId: mailboxes.queueId }).from(mailboxes).where(eq(mailboxes.id, arrival.mail.mailboxId)).get();
  if (!mailbox) throw new Error(`La boîte aux lettres ${arrival.mail.mailboxId} n’existe plus : message non classé.`);
  const route = routeMail(db, arrival.mail, mailbox.queueId);
  const opened = openCase(filing, arrival, route);
  if (claim) noteRefusedClaim(filing, opened.outcome.caseId, claim);
  // SPEC "Incoming routing": acknowledged on a new case only, never to a machine.
  if (arrival.automatic === null) acknowledge(filing, arrival, opened.outcome.caseId, route.queueId);
  return { outcome: opened.outcome, changes: [opened.change] };
}
