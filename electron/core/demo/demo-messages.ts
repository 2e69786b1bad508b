import { civilityLabels } from '../../../shared/domain/field-rules';
import type { Civility, MailAddress, messages } from '../db/schema';
import type { ReplyKind } from './case-timeline';

type MessageRow = typeof messages.$inferInsert;

/** What the messages of one demo case are made from. */
export interface ThreadContext {
  caseId: number;
  number: string;
  subject: string;
  contact: MailAddress & { civility: Civility; lastName: string };
  centre: MailAddress;
  agentName: string;
}


const replyBodies: Record<ReplyKind, string> = {
  keep_open:
    'Nous avons bien reçu votre demande et l’avons transmise au service concerné. Nous revenons vers vous dès que nous avons sa réponse.',
  wait: 'Afin de traiter votre demande, pourriez-vous nous préciser votre numéro de client et nous joindre tout document utile ?',
  close: 'Votre demande est désormais traitée. Nous clôturons votre dossier ; n’hésitez pas à nous écrire si besoin.',
};

export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text to HTML paragraphs: a blank line separates paragraphs, a newline breaks a line. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function replyText(kind: ReplyKind, ctx: ThreadContext): string {
  const greeting = `Bonjour ${civilityLabels[ctx.contact.civility]} ${ctx.contact.lastName},`;
  return `${greeting}\n\n${replyBodies[kind]}\n\nCordialement,\n${ctx.agentName}`;
}

const incomingId = (ctx: ThreadContext, n: number) => `<demo.${ctx.number}.${n}@mail.example.com>`;
const outgoingId = (ctx: ThreadContext, n: number) => `<${ctx.number}.${n}.reply@centre-demo.example.com>`;
const replySubject = (ctx: ThreadContext) => `RE: ${ctx.subject} [#${ctx.number}]`;

/** The contact's first message, which created the case. */
export function firstMessage(ctx: ThreadContext, question: string, at: string): MessageRow {
  return {
    ...mail(ctx.contact, ctx.centre, at, question),
    caseId: ctx.caseId,
    direction: 'in',
    messageIdHeader: incomingId(ctx, 1),
    subject: ctx.subject,
    attachReason: 'new_case',
  };
}

/** Our `n`-th message of the thread, answering the message before it. */
export function replyMessage(ctx: ThreadContext, n: number, text: string, at: string, authorId: number): MessageRow {
  const answered = incomingId(ctx, 1);
  return {
    ...mail(ctx.centre, ctx.contact, at, text),
    caseId: ctx.caseId,
    direction: 'out',
    messageIdHeader: outgoingId(ctx, n),
    inReplyTo: answered,
    references: [answered],
    subject: replySubject(ctx),
    authorId,
  };
}

/** The contact's answer to our `n - 1`-th message. */
export function contactAnswer(ctx: ThreadContext, n: number, text: string, at: string): MessageRow {
  const answered = outgoingId(ctx, n - 1);
  return {
    ...mail(ctx.contact, ctx.centre, at, text),
    caseId: ctx.caseId,
    direction: 'in',
    messageIdHeader: incomingId(ctx, n),
    inReplyTo: answered,
    references: [incomingId(ctx, 1), answered],
    subject: `RE: ${replySubject(ctx)}`,
    attachReason: 'in_reply_to',
  };
}

function mail(from: MailAddress, to: MailAddress, at: string, text: string) {
  const html = textToHtml(text);
  return {
    from: { name: from.name, address: from.address },
    to: [{ name: to.name, address: to.address }],
    text,
    html,
    date: at,
    rawSize: Buffer.byteLength(text) + Buffer.byteLength(html),
    createdAt: at,
  };
}
