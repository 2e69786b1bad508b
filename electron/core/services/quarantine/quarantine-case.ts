import { readFile } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { AppFailure } from '../../../../shared/contract';
import type { AgentSummary } from '../../../../shared/domain/agent';
import { normalizeEmail } from '../../../../shared/domain/field-rules';
import { quarantineReasonTexts } from '../../../../shared/domain/quarantine';
import type { MailAddress } from '../../db/tables/json-types';
import { messages, quarantine, queues } from '../../db/schema';
import type { IncomingMail } from '../../mail/incoming-mail';
import { automaticKind } from '../../mail/ingest/auto-reply';
import { earlierHolderOf } from '../../mail/ingest/duplicates';
import { messageKey } from '../../mail/ingest/message-key';
import { openCase, type Opened } from '../../mail/ingest/new-case';
import { ownAddresses } from '../../mail/ingest/own-addresses';
import { decodeReason } from '../../mail/ingest/quarantine';
import { parseMessage } from '../../mail/mime/parse-message';
import { invalidField, notFound } from '../access';
import { currentRights } from '../admin/agent-grants';
import { addNote } from '../cases/case-notes';
import { loadCase } from '../cases/case-rows';
import { summarize, type HeaderSummary } from './header-summary';
import type { QuarantineDeps } from './quarantine-deps';
import { loadWaiting, sourceFile, type QuarantineRow } from './quarantine-rows';

export interface CaseRequest {
  queueId: number;
  contactEmail?: string | undefined;
}

/** Cases made from mail use the e-mail form: only an active e-mail queue may take one. */
function emailQueue(deps: QuarantineDeps, queueId: number): number {
  const found = deps.db.orm
    .select({ id: queues.id })
    .from(queues)
    .where(and(eq(queues.id, queueId), eq(queues.active, true), eq(queues.media, 'email')))
    .get();
  if (!found) throw invalidField('queueId', 'Choisissez une file e-mail active.');
  return found.id;
}

/**
 * A source no parser could read still becomes a message of the case: subject and sender from
 * whatever headers could be read, a text saying why there is no body, the source joined as a file.
 */
function unreadableMail(row: QuarantineRow, raw: Buffer, rawSha256: string, summary: HeaderSummary): IncomingMail {
  return {
    mailboxId: row.mailboxId,
    folder: row.folder,
    uidValidity: row.uidValidity,
    uid: row.uid,
    messageId: null,
    inReplyTo: null,
    references: [],
    from: summary.sender,
    replyTo: [],
    to: [],
    cc: [],
    subject: summary.subject || '(message illisible)',
    date: summary.date ?? row.receivedAt,
    text: 'Ce message n’a pas pu être lu automatiquement : son contenu est dans le fichier joint « message.eml » (sa source).',
    html: null,
    headers: {},
    attachments: [{ sha256: rawSha256, size: raw.length, mediaType: 'message/rfc822', displayName: 'message.eml' }],
    rawSha256,
    rawSize: raw.length,
  };
}

async function mailOf(deps: QuarantineDeps, row: QuarantineRow, raw: Buffer, summary: HeaderSummary): Promise<IncomingMail> {
  const place = { mailboxId: row.mailboxId, folder: row.folder, uidValidity: row.uidValidity, uid: row.uid };
  const parsed = await parseMessage(raw, { ...place, internalDate: new Date(row.receivedAt) }, deps);
  return parsed.kind === 'mail' ? parsed.mail : unreadableMail(row, raw, parsed.rawSha256, summary);
}

/** The contact: the address the supervisor typed (with the sender's name if it is the sender), else the sender. */
function contactOf(sender: MailAddress | null, typed: string | undefined): MailAddress {
  if (!typed) {
    if (sender) return sender;
    throw invalidField('contactEmail', 'Ce message n’a pas d’expéditeur : indiquez l’adresse e-mail du contact.');
  }
  return sender && normalizeEmail(sender.address) === normalizeEmail(typed) ? sender : { address: typed.trim() };
}

function assertNotFiled(deps: QuarantineDeps, row: QuarantineRow): void {
  const { mailboxId, folder, uidValidity, uid } = row;
  const filed = deps.db.orm
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.mailboxId, mailboxId), eq(messages.folder, folder), eq(messages.uidValidity, uidValidity), eq(messages.uid, uid)))
    .get();
  if (filed) throw new AppFailure({ code: 'refused', message: 'Ce message est déjà dans un dossier : réessayez plutôt de le classer.' });
}

/**
 * « Créer un dossier » from a message in quarantine: a new `todo` case in the chosen queue, as the
 * sync would have opened it (the message in its thread, its contact found or created by address),
 * with a note saying who made it from the quarantine and why it was there. No acknowledgement: the
 * message may be days old, and the supervisor decides what the contact is told.
 */
export async function createCaseFrom(deps: QuarantineDeps, id: number, request: CaseRequest, agent: AgentSummary): Promise<Opened> {
  const queueId = emailQueue(deps, request.queueId);
  const waiting = loadWaiting(deps.db, id);
  const raw = await readFile(sourceFile(deps.dataDir, waiting)).catch(() => {
    throw notFound('La source de ce message est introuvable dans les données du centre.');
  });
  const summary = await summarize(raw);
  // Judged before the parser stores the source's parts: a refused call leaves no file behind either.
  const sender = contactOf(summary.sender, request.contactEmail);
  const mail = await mailOf(deps, waiting, raw, summary);
  const { db, clock } = deps;
  const create = db.sqlite.transaction(() => {
    const row = loadWaiting(db, id);
    assertNotFiled(deps, row);
    const filing = { db, now: clock.now(), blobPath: deps.blobs.relativePath };
    const arrival = { mail, sender, key: messageKey(mail), automatic: automaticKind(mail, ownAddresses(db)), messageIdSeenOnId: earlierHolderOf(db, mail.messageId) };
    const opened = openCase(filing, arrival, { queueId, qualificationId: null, priority: 0, ruleId: null });
    const at = filing.now.toISOString();
    const actor = { id: agent.id, role: agent.role, displayName: agent.displayName, rights: currentRights(db, agent.id) ?? { role: agent.role } };
    const { code, detail } = decodeReason(row.reason);
    const why = code === 'other' ? detail : quarantineReasonTexts[code];
    addNote(db, loadCase(db, opened.outcome.caseId), actor, `Dossier créé depuis la quarantaine des e-mails par ${agent.displayName}. Motif de la quarantaine : ${why}`, at);
    db.orm.update(quarantine).set({ resolvedAt: at }).where(eq(quarantine.id, row.id)).run();
    return opened;
  });
  return create.immediate();
}
