/**
 * Shapes of the JSON columns. Kept apart from the tables so that code which only reads a payload
 * (the outbox sender, the routing engine) does not depend on the table definitions.
 */

export interface MailAddress {
  name?: string;
  address: string;
}

/** One attachment of an outgoing message, already stored on disk. */
export interface OutgoingAttachment {
  attachmentId: number;
  path: string;
  filename: string;
  mediaType: string;
  /** Set for images sent inline (`cid:` references in the HTML). */
  contentId?: string;
}

/**
 * Everything needed to send a reply, frozen when the action commits: the outbox sender must not
 * read the case again (it may have changed) and must send exactly what the preview showed.
 */
export interface OutgoingMail {
  mailboxId: number;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  subject: string;
  html: string;
  text: string;
  inReplyTo: string | null;
  references: string[];
  headers: Record<string, string>;
  attachments: OutgoingAttachment[];
}

export type RoutingField = 'from' | 'to' | 'cc' | 'subject' | 'body';
export type RoutingOperator = 'contains' | 'not_contains' | 'equals' | 'starts_with' | 'ends_with';

export interface RoutingCondition {
  field: RoutingField;
  operator: RoutingOperator;
  value: string;
}

/** A rule matches when all (or any) of its conditions hold. */
export interface RoutingConditions {
  match: 'all' | 'any';
  conditions: RoutingCondition[];
}

/** Free details of a history entry (chosen agent, merged numbers, supervisor's comment…). */
export type HistoryDetail = Record<string, string | number | boolean | null | number[] | string[]>;

/**
 * The action codes of SPEC "Actions and transitions", as stored in `queues.allowed_actions`.
 * When the case machine lands in shared/domain, this list should move there.
 */
export const caseActions = [
  'take',
  'save_draft',
  'submit_for_validation',
  'approve',
  'reject',
  'reply_keep_open',
  'reply_and_wait',
  'reply_and_close',
  'close',
  'assign_to_agent',
  'assign_to_me',
] as const;
export type CaseAction = (typeof caseActions)[number];
