import { z } from 'zod';
import { civilities } from './field-rules';
import { stagedAttachmentSchema } from './attachment';
import { caseActionSchema } from './case-actions';
import { caseStateSchema, distributionSchema, mediaSchema } from './case-state';
import { rights } from './rights';

/** What `cases.get` and the case actions answer (PRODUCT.md "Consulting a case and a contact"). */

const id = z.number().int();
const instant = z.string(); // ISO 8601 UTC

export const personSchema = z.object({ id, displayName: z.string() });
export type Person = z.infer<typeof personSchema>;

export const mailAddressViewSchema = z.object({ name: z.string().optional(), address: z.string() });

export const caseContactSchema = z.object({
  id,
  civility: z.enum(civilities),
  firstName: z.string(),
  lastName: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.object({
    mobile: z.string().nullable(),
    landline: z.string().nullable(),
    otherPhone: z.string().nullable(),
    fax: z.string().nullable(),
  }),
});

export const messageAttachmentSchema = z.object({
  id,
  displayName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  contentId: z.string().nullable(),
});

/** Delivery of an outgoing message: the status of its outbox row. */
export const deliveryStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed']);

export const caseMessageSchema = z.object({
  id,
  direction: z.enum(['in', 'out']),
  from: mailAddressViewSchema,
  to: z.array(mailAddressViewSchema),
  cc: z.array(mailAddressViewSchema),
  subject: z.string(),
  date: instant,
  text: z.string().nullable(),
  /** Sanitised by the core (no script, no remote content); null when the message had no HTML part. */
  html: z.string().nullable(),
  /** Why an incoming message joined the case (`new_case`, `in_reply_to`, `subject_reference`…). */
  attachReason: z.string().nullable(),
  /** Reply-To of an incoming message (a web form's customer); the contact may have been found by it. */
  replyTo: z.array(mailAddressViewSchema),
  /** Shown on the sender: a domain label mixing alphabets (`аpple.com`); `from` is in punycode then. */
  senderWarning: z.enum(['mixed_scripts']).nullable(),
  /** The case of an earlier message with the same Message-ID: this one was filed all the same. */
  messageIdSeenOn: z.object({ caseId: id, number: z.string() }).nullable(),
  author: personSchema.nullable(),
  delivery: deliveryStatusSchema.nullable(),
  attachments: z.array(messageAttachmentSchema),
  /** The raw message is kept (incoming mail): `cases.messageSource` gives it. */
  hasSource: z.boolean(),
  /** Set on a master's thread for the messages of a case merged into it. */
  mergedFrom: z.object({ id, number: z.string() }).nullable(),
});
export type CaseMessage = z.infer<typeof caseMessageSchema>;

export const notepadEntrySchema = z.object({
  id,
  /** Null for entries the system wrote (a merge names its supervisor in the text). */
  agent: personSchema.nullable(),
  text: z.string(),
  createdAt: instant,
});
export type NotepadEntry = z.infer<typeof notepadEntrySchema>;

export const historyEntrySchema = z.object({
  id,
  agent: personSchema.nullable(),
  /** An action code of PRODUCT.md, or an event: `received`, `message_received`, `note_added`, `merge`… */
  action: z.string(),
  stateBefore: caseStateSchema.nullable(),
  stateAfter: caseStateSchema,
  at: instant,
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The case's one draft, seen by every colleague; while `in_validation`, the reply held for the supervisor. */
export const caseDraftSchema = z.object({
  html: z.string(),
  to: mailAddressViewSchema.nullable(),
  cc: z.array(mailAddressViewSchema),
  bcc: z.array(mailAddressViewSchema),
  /** Staged again as they are, so the composer can send them with the next action. */
  attachments: z.array(stagedAttachmentSchema),
  savedBy: personSchema,
  savedAt: instant,
});
export type CaseDraft = z.infer<typeof caseDraftSchema>;

export const caseLinkSchema = z.object({ id, number: z.string(), subject: z.string(), state: caseStateSchema });

export const caseDetailSchema = z.object({
  id,
  number: z.string(),
  subject: z.string(),
  state: caseStateSchema,
  /** Send it back with the next action or qualification: a stale one is refused (`conflict`). */
  version: z.number().int(),
  queue: z.object({ id, name: z.string(), media: mediaSchema, distribution: distributionSchema }),
  assignee: personSchema.nullable(),
  contact: caseContactSchema,
  questionHtml: z.string(),
  receivedAt: instant,
  updatedAt: instant,
  unread: z.boolean(),
  qualification: z.object({ id, label: z.string() }).nullable(),
  messages: z.array(caseMessageSchema),
  notepad: z.array(notepadEntrySchema),
  history: z.array(historyEntrySchema),
  draft: caseDraftSchema.nullable(),
  /** What the screen may offer now; the core still checks the filled-in command. */
  allowedActions: z.array(caseActionSchema),
  mergedInto: caseLinkSchema.nullable(),
  mergedCases: z.array(caseLinkSchema),
  /**
   * What the reader may do, as the core sees it now (role and an administrator's grants): the screen
   * hides the rest (`change_recipient` locks the To, `reassign`, `merge_cases`); the core checks again.
   */
  viewerRights: z.array(z.enum(rights)),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** The raw source of a message, for the "Source" view; cut beyond `maxSourceChars`. */
export const maxSourceChars = 1_000_000;
export const messageSourceSchema = z.object({ source: z.string(), truncated: z.boolean() });
export type MessageSource = z.infer<typeof messageSourceSchema>;

/**
 * Where an action left the case: enough for a desk to move its row, and the case as the actor now
 * reads it (as `cases.merge` answers), so the screen shows it without asking again; null when the
 * action took the case out of the actor's sight (handed to an agent of a queue they are not in).
 */
export const actResultSchema = z.object({
  caseId: id,
  version: z.number().int(),
  state: caseStateSchema,
  assigneeId: id.nullable(),
  desk: z.enum(['in_progress', 'processed', 'validation', 'queue']),
  detail: caseDetailSchema.nullable(),
});
export type ActResult = z.infer<typeof actResultSchema>;
