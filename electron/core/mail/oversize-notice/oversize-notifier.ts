import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import type { Database } from '../../db/database';
import { mailboxes } from '../../db/schema';
import type { MailAddress } from '../../db/tables/json-types';
import type { Clock, SecretStore } from '../../ports';
import { readSettings } from '../../services/admin/settings';
import { ownerOfEmail } from '../../services/contacts/contact-email';
import type { OversizeReport } from '../imap/oversize-message';
import { noticesSentTo } from '../ingest/auto-notice';
import { automaticKind, senderOf } from '../ingest/auto-reply';
import { ownAddresses } from '../ingest/own-addresses';
import { composeMessage, envelopeOf } from '../outbox/compose-message';
import { withImap } from '../outbox/imap-session';
import type { MailTrust } from '../outbox/mail-endpoint';
import { mailboxConfigOf } from '../outbox/mailbox-config';
import { fileSentCopy, findSentFolder } from '../outbox/sent-folder';
import { deliverOverSmtp } from '../outbox/smtp-delivery';
import { createDailyLimiter } from './daily-limiter';
import { noticeMessageId, oversizeNoticeMail } from './notice-mail';

export interface OversizeNotifierDeps {
  db: Database;
  clock: Clock;
  secrets: SecretStore;
  dataDir: string;
  trust: MailTrust;
  log: (message: string, error: unknown) => void;
}

export interface OversizeNotifier {
  /** Called by the sync once the over-size message is recorded; sends in the background. */
  notify(report: OversizeReport): void;
  /** Waits for the notices under way. */
  stop(): Promise<void>;
}

/**
 * Tells the sender of an over-size message that it was not received, under the same rules as an
 * acknowledgement (SPEC "Incoming routing"): never to a machine (auto-replies, bounces, lists),
 * never to our own addresses, and within the acknowledgement daily limit, which they share.
 *
 * Sent straight over SMTP, then filed in Sent, rather than through the outbox: the outbox sends
 * for a case, and this message was never filed in one. It is sent after the message is recorded,
 * so at most once; if the server fails right then the notice is lost (logged), the message is not.
 */
export function createOversizeNotifier(deps: OversizeNotifierDeps): OversizeNotifier {
  const limiter = createDailyLimiter(() => readSettings(deps.db).acknowledgementDailyLimit, deps.clock);
  let chain: Promise<void> = Promise.resolve();

  const recipient = (report: OversizeReport): MailAddress | null => {
    const sender = senderOf(report);
    if (!sender || automaticKind(report, ownAddresses(deps.db)) !== null) return null;
    // One daily limit for everything automatic a person gets, as for waiting messages.
    const contact = ownerOfEmail(deps.db, sender.address);
    const recorded = contact ? noticesSentTo(deps.db, contact.id, deps.clock.now()) : 0;
    return limiter.take(normalizeEmail(sender.address), recorded) ? sender : null;
  };

  return {
    notify(report) {
      const to = recipient(report);
      if (!to) return;
      chain = chain
        .then(() => sendNotice(deps, report, to))
        .catch((error: unknown) => deps.log(`over-size notice to ${to.address} not sent`, error));
    },
    stop: () => chain,
  };
}

async function sendNotice(deps: OversizeNotifierDeps, report: OversizeReport, to: MailAddress): Promise<void> {
  const row = deps.db.orm.select().from(mailboxes).where(eq(mailboxes.id, report.mailboxId)).get();
  if (!row) return;
  const config = mailboxConfigOf(row);
  const password = await deps.secrets.get(config.secretKey);
  if (password === null) throw new Error(`no password stored for the mailbox ${config.address}`);
  const messageId = noticeMessageId(config.address);
  const mail = oversizeNoticeMail(report, to, row, messageId);
  const raw = Buffer.concat(await (await composeMessage(mail, messageId, deps.clock.now(), deps.dataDir)).toArray());
  const server = { password, trust: deps.trust };
  await deliverOverSmtp({ ...server, endpoint: config.smtp }, envelopeOf(mail), () => Readable.from([raw]));
  // Like every message the centre sends ("sent" means handed over and filed in Sent).
  await withImap({ ...server, endpoint: config.imap }, async (client) => {
    await fileSentCopy(client, await findSentFolder(client, config.sentFolder), messageId, raw);
  });
}
