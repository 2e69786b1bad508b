import { randomBytes } from 'node:crypto';
import type { MailAddress, OutgoingAttachment, OutgoingMail } from '../db/tables/json-types';
import { escapeHtml, htmlToText, textToHtml } from '../services/templates/html-text';
import { hasVisibleContent, sanitizeReplyHtml } from './html-sanitizer';

/**
 * The complete message a reply action puts in the outbox, frozen when the action commits: the
 * sender sends exactly this and never reads the case again (see `OutgoingMail`).
 */

/** The message being answered: its ids thread the reply, its body is quoted under it. */
export interface QuotedMessage {
  messageIdHeader: string | null;
  references: string[];
  from: MailAddress;
  date: string;
  html: string | null;
  text: string | null;
}

export interface SendingMailbox {
  id: number;
  address: string;
  senderName: string;
}

export interface OutgoingSource {
  caseNumber: string;
  caseSubject: string;
  mailbox: SendingMailbox;
  /** The writing agent's signature, appended under the body. */
  signatureHtml: string;
  /** The case's last incoming message, or null (a case created by an agent may have none). */
  answering: QuotedMessage | null;
  reply: { to: MailAddress; cc: MailAddress[]; bcc: MailAddress[]; html: string };
  attachments: OutgoingAttachment[];
  /** From `newMessageId`, fixed before the action commits: it is what makes "sent at most once" checkable. */
  messageId: string;
}

/** Clients keep long threads readable by cutting References; so do we (first and latest kept). */
const maxReferences = 20;

/** `RE: <subject> [#000123]`, once: answering our own reply must not give `RE: RE: … [#000123] [#000123]`. */
export function replySubject(subject: string, caseNumber: string): string {
  const token = `[#${caseNumber}]`;
  let base = subject.split(token).join(' ');
  // French clients write `RE :`; `Réf`-style words are left alone by requiring the colon.
  while (/^\s*(re|aw|sv)\s*(\[\d+\])?\s*:/i.test(base)) base = base.replace(/^\s*(re|aw|sv)\s*(\[\d+\])?\s*:/i, '');
  base = base.replace(/\s+/g, ' ').trim();
  return base ? `RE: ${base} ${token}` : `RE: ${token}`;
}

/**
 * `<ud.000123.<random>@<sender domain>>`: the case number inside our own Message-ID lets an answer
 * find its case even when the contact's client drops References (PRODUCT.md "Incoming messages"). The 96
 * random bits make it unguessable: threading only takes ids of this exact shape as ours
 * (ingest/case-reference.ts), and still lets in only a sender the case knows (ingest/thread-matcher.ts).
 */
export function newMessageId(caseNumber: string, senderAddress: string): string {
  const domain = senderAddress.split('@').pop() || 'unified.invalid';
  return `<ud.${caseNumber}.${randomBytes(12).toString('hex')}@${domain}>`;
}

export function buildOutgoingMail(source: OutgoingSource): OutgoingMail {
  const html = replyHtml(source);
  const { answering } = source;
  const parentId = answering?.messageIdHeader ?? null;
  return {
    mailboxId: source.mailbox.id,
    from: { name: source.mailbox.senderName, address: source.mailbox.address },
    to: [source.reply.to],
    cc: source.reply.cc,
    bcc: source.reply.bcc,
    subject: replySubject(source.caseSubject, source.caseNumber),
    html,
    text: htmlToText(html),
    inReplyTo: parentId,
    references: parentId ? referencesAfter(answering?.references ?? [], parentId) : [],
    headers: { 'Message-ID': source.messageId, 'X-Unified-Case': source.caseNumber },
    attachments: source.attachments,
  };
}

/** Body, signature, then the quoted message: what the preview shows and the contact receives. */
export function replyHtml(source: Pick<OutgoingSource, 'reply' | 'signatureHtml' | 'answering'>): string {
  const body = sanitizeReplyHtml(source.reply.html);
  const parts = [body];
  const signature = sanitizeReplyHtml(source.signatureHtml);
  if (hasVisibleContent(signature) && !signs(body, signature)) parts.push(`<p><br /></p>${signature}`);
  if (source.answering) parts.push(quoteOf(source.answering));
  return parts.join('');
}

/**
 * A template with `{{agent.signature}}` (or an agent who typed it) already signs the body: adding it
 * again would sign twice. Compared as text, since the editor rewrites the signature's markup.
 */
function signs(body: string, signature: string): boolean {
  const flat = (html: string) => htmlToText(html).replace(/\s+/g, ' ').trim();
  return flat(body).includes(flat(signature));
}

const quoteDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short' });

function quoteOf(message: QuotedMessage): string {
  const who = message.from.name ? `${message.from.name} <${message.from.address}>` : message.from.address;
  const intro = `Le ${quoteDate.format(new Date(message.date))}, ${who} a écrit :`;
  const body = message.html ? sanitizeReplyHtml(message.html) : textToHtml(message.text ?? '');
  return `<p><br /></p><p>${escapeHtml(intro)}</p><blockquote>${body}</blockquote>`;
}

function referencesAfter(parentReferences: string[], parentId: string): string[] {
  const chain = [...new Set([...parentReferences, parentId])];
  return chain.length <= maxReferences ? chain : [chain[0] as string, ...chain.slice(-(maxReferences - 1))];
}
