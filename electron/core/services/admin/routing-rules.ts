import { and, asc, eq, max } from 'drizzle-orm';
import type { AgentSummary } from '../../../../shared/domain/agent';
import {
  routingMessages,
  type RoutingRuleSettings,
  type RoutingRuleView,
} from '../../../../shared/domain/admin/routing-rule-schema';
import type { Database } from '../../db/database';
import { qualifications, queues, routingRules, type RoutingConditions } from '../../db/schema';
import { invalidField, notFound } from '../access';
import { administer, requireAdministrator } from './admin-guard';

const ruleMissing = 'Cette règle de gestion n’existe pas.';

/** "Règles de gestion" (PRODUCT.md "Incoming routing"): an ordered list the mail router applies in order. */
export function createRoutingRuleAdmin(db: Database) {
  const all = (): RoutingRuleView[] =>
    db.orm.select().from(routingRules).orderBy(asc(routingRules.position), asc(routingRules.id)).all();

  function list(actor: AgentSummary): RoutingRuleView[] {
    requireAdministrator(db, actor);
    return all();
  }

  const view = (id: number) => all().find((rule) => rule.id === id) as RoutingRuleView;

  /** A new rule comes last: it never takes precedence over the ones already checked. */
  function create(input: RoutingRuleSettings, actor: AgentSummary): RoutingRuleView {
    return administer(db, actor, () => {
      checkTargets(input);
      const last = db.orm.select({ position: max(routingRules.position) }).from(routingRules).get()?.position ?? -1;
      const row = { ...input, conditions: input.conditions satisfies RoutingConditions, position: last + 1 };
      return view(db.orm.insert(routingRules).values(row).returning({ id: routingRules.id }).get().id);
    });
  }

  function update({ id, ...input }: RoutingRuleSettings & { id: number }, actor: AgentSummary): RoutingRuleView {
    return administer(db, actor, () => {
      checkTargets(input);
      const done = db.orm.update(routingRules).set(input).where(eq(routingRules.id, id)).run();
      if (done.changes === 0) throw notFound(ruleMissing);
      return view(id);
    });
  }

  function remove(id: number, actor: AgentSummary): null {
    return administer(db, actor, () => {
      const done = db.orm.delete(routingRules).where(eq(routingRules.id, id)).run();
      if (done.changes === 0) throw notFound(ruleMissing);
      renumber(all().map((rule) => rule.id));
      return null;
    });
  }

  /** The whole list in its new order, checked against the rules as they are now (another admin may have changed them). */
  function reorder(ids: readonly number[], actor: AgentSummary): RoutingRuleView[] {
    return administer(db, actor, () => {
      const current = all().map((rule) => rule.id);
      const same = ids.length === current.length && current.every((id) => ids.includes(id));
      if (!same) throw invalidField('ids', routingMessages.reorderMismatch);
      renumber(ids);
      return all();
    });
  }

  function renumber(ids: readonly number[]): void {
    ids.forEach((id, position) => db.orm.update(routingRules).set({ position }).where(eq(routingRules.id, id)).run());
  }

  function checkTargets({ queueId, qualificationId }: RoutingRuleSettings): void {
    const activeQueue = (id: number) =>
      db.orm.select().from(queues).where(and(eq(queues.id, id), eq(queues.active, true))).get();
    const activeQualification = (id: number) =>
      db.orm.select().from(qualifications).where(and(eq(qualifications.id, id), eq(qualifications.active, true))).get();
    if (queueId !== null && !activeQueue(queueId)) throw invalidField('queueId', routingMessages.queueMissing);
    if (qualificationId !== null && !activeQualification(qualificationId)) {
      throw invalidField('qualificationId', routingMessages.qualificationMissing);
    }
  }

  return { list, create, update, remove, reorder };
}
