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

/** The action codes (stored in `queues.allowed_actions`) come from the case machine. */
export { caseActions, type CaseAction } from '../../../../shared/domain/case-actions';
