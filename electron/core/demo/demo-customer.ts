import { eq } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Database } from '../db/database';
import { cases, type MailAddress } from '../db/schema';
import { createCheckpointStore } from '../mail/imap/checkpoint-store';
import type { IncomingMail, IngestSink } from '../mail/incoming-mail';
import type { LocalMessage } from '../mail/local-mailboxes';
import type { Clock } from '../ports';
import type { BlobStore } from '../storage/blob-store';
import { demoAnswerText } from './demo-answers';

export interface DemoCustomerDeps {
  db: Database;
  clock: Clock;
  /** The filing path the IMAP sync uses: the answer is threaded, reopens, notifies as any mail. */
  sink: IngestSink;
  blobs: BlobStore;
  /** How long a demo customer takes to answer. */
  delayMs: number;
  log: (message: string, error: unknown) => void;
}

/** The demo mailbox is never synced: its inbox is numbered here, after the last message filed. */
const inbox = { folder: 'INBOX', uidValidity: 1 };

/**
 * The demo centre's customers: a reply that waits for its contact (« Répondre et attendre ») is
 * answered after a short delay, so that a newcomer sees « Retour contact » happen. Automatic
 * messages and replies to cases that no longer wait are never answered, as a person would not.
 */
export function createDemoCustomer(deps: DemoCustomerDeps) {
  const timers = new Set<NodeJS.Timeout>();
  const answering = new Set<Promise<void>>();
  const checkpoints = createCheckpointStore(deps.db);
  const waits = (caseId: number) =>
    deps.db.orm.select({ state: cases.state }).from(cases).where(eq(cases.id, caseId)).get()?.state === 'waiting_contact';

  function consider(message: LocalMessage): void {
    // An acknowledgement or a waiting message has no author: customers do not answer machines.
    if (message.claim.agentId === null || !waits(message.claim.caseId)) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      const done = answer(message)
        .catch((error: unknown) => deps.log(`demo answer to reply ${message.claim.id} failed`, error))
        .finally(() => answering.delete(done));
      answering.add(done);
    }, deps.delayMs);
    timer.unref();
    timers.add(timer);
  }

  async function answer({ claim }: LocalMessage): Promise<void> {
    if (!waits(claim.caseId)) return;
    const customer = claim.mail.to[0];
    if (!customer) return;
    const text = demoAnswerText(claim.caseId, customer.name ?? '');
    const mail = { from: customer, to: [claim.mail.from], subject: `Re: ${claim.mail.subject}`, text, date: deps.clock.now() };
    const messageId = `<demo-reponse-${claim.id}@client.centre-demo.example.com>`;
    const references = [...claim.mail.references, claim.messageId];
    const raw = await compose(mail, messageId, claim.messageId, references);
    const stored = await deps.blobs.put(raw);
    // Numbered after the await, right before the synchronous filing: two answers never share a UID.
    const uid = (checkpoints.read(claim.mailboxId, inbox.folder)?.lastUid ?? 0) + 1;
    const incoming: IncomingMail = {
      mailboxId: claim.mailboxId,
      ...inbox,
      uid,
      messageId,
      inReplyTo: claim.messageId,
      references,
      from: mail.from,
      replyTo: [],
      to: mail.to,
      cc: [],
      subject: mail.subject,
      date: mail.date.toISOString(),
      text,
      html: null,
      headers: {},
      attachments: [],
      rawSha256: stored.sha256,
      rawSize: stored.size,
    };
    deps.sink.ingest(incoming);
  }

  return {
    consider,
    /** Answers not due yet are dropped (the demo has no duty to them); one being filed finishes. */
    async stop(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(answering);
    },
  };
}

interface Answer {
  from: MailAddress;
  to: MailAddress[];
  subject: string;
  text: string;
  date: Date;
}

/** The raw source, for the thread's "source" view, as a real client would have sent it. */
function compose(mail: Answer, messageId: string, inReplyTo: string, references: string[]): Promise<Buffer> {
  const address = ({ name, address }: MailAddress) => ({ name: name ?? '', address });
  const composer = new MailComposer({
    from: address(mail.from),
    to: mail.to.map(address),
    subject: mail.subject,
    text: mail.text,
    date: mail.date,
    messageId,
    inReplyTo,
    references,
    newline: 'windows',
  });
  return composer.compile().build();
}
