import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { queues, routingRules } from '../../db/schema';
import type { MailAddress, RoutingCondition, RoutingConditions, RoutingField, RoutingOperator } from '../../db/tables/json-types';
import type { IncomingMail } from '../incoming-mail';
import { bodyText } from './body-text';

/** Where a new case goes and how it starts (PRODUCT.md "Incoming routing"). */
export interface Route {
  queueId: number;
  qualificationId: number | null;
  priority: number;
  /** The rule that decided, for the case's history; null when the mailbox's queue applied. */
  ruleId: number | null;
}

export type RoutedMail = Pick<IncomingMail, 'from' | 'to' | 'cc' | 'subject' | 'text' | 'html'>;

type Test = (candidate: string, value: string) => boolean;
const contains: Test = (candidate, value) => candidate.includes(value);

/** A negated operator holds when no candidate passes its test; the others when one does. */
const operators: Record<RoutingOperator, { test: Test; negated: boolean }> = {
  contains: { test: contains, negated: false },
  not_contains: { test: contains, negated: true },
  equals: { test: (candidate, value) => candidate === value, negated: false },
  starts_with: { test: (candidate, value) => candidate.startsWith(value), negated: false },
  ends_with: { test: (candidate, value) => candidate.endsWith(value), negated: false },
};

/** An address is matched by its address and by its display name, each on its own. */
const addressTexts = (list: readonly MailAddress[]) => list.flatMap(({ name, address }) => (name ? [address, name] : [address]));

/** What a condition on each field is compared with, lower-cased (rules ignore case). */
function candidates(mail: RoutedMail, field: RoutingField): string[] {
  const texts: Record<RoutingField, () => string[]> = {
    from: () => addressTexts(mail.from ? [mail.from] : []),
    to: () => addressTexts(mail.to),
    cc: () => addressTexts(mail.cc),
    subject: () => [mail.subject],
    body: () => [bodyText(mail)],
  };
  return texts[field]().map((text) => text.trim().toLowerCase());
}

export function conditionHolds(mail: RoutedMail, condition: RoutingCondition): boolean {
  const { test, negated } = operators[condition.operator];
  const value = condition.value.trim().toLowerCase();
  const found = candidates(mail, condition.field).some((candidate) => test(candidate, value));
  return negated ? !found : found;
}

export function ruleMatches(mail: RoutedMail, { match, conditions }: RoutingConditions): boolean {
  if (conditions.length === 0) return false;
  return match === 'all'
    ? conditions.every((condition) => conditionHolds(mail, condition))
    : conditions.some((condition) => conditionHolds(mail, condition));
}

/**
 * The first active rule that matches, in the administrator's order, decides; what it leaves empty
 * falls back on the defaults (the mailbox's queue, no qualification, priority 0). A rule's queue that
 * is no longer active is passed over: a new case must land where agents can see it.
 */
export function routeMail(db: Database, mail: RoutedMail, mailboxQueueId: number): Route {
  const rules = db.orm
    .select()
    .from(routingRules)
    .where(eq(routingRules.active, true))
    .orderBy(asc(routingRules.position), asc(routingRules.id))
    .all();
  const rule = rules.find((candidate) => ruleMatches(mail, candidate.conditions));
  if (!rule) return { queueId: mailboxQueueId, qualificationId: null, priority: 0, ruleId: null };
  return {
    queueId: rule.queueId !== null && isActiveQueue(db, rule.queueId) ? rule.queueId : mailboxQueueId,
    qualificationId: rule.qualificationId,
    priority: rule.priority ?? 0,
    ruleId: rule.id,
  };
}

const isActiveQueue = (db: Database, id: number) =>
  db.orm.select({ id: queues.id }).from(queues).where(and(eq(queues.id, id), eq(queues.active, true))).get() !== undefined;
