import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { AgentSummary } from '../../../../shared/domain/agent';
import {
  queueMessages,
  type QueueSettings,
  type QueueUpdate,
  type QueueView,
} from '../../../../shared/domain/admin/queue-schema';
import { can } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { agents, cases, mailboxes, queueMembers, queues, routingRules } from '../../db/schema';
import { invalidField, notFound } from '../access';
import { administer, refused } from './admin-guard';
import { grantsOf } from './agent-grants';
import { assertNameFree } from './unique-name';

const queueMissing = 'Cette file n’existe pas.';

/** Queues (PRODUCT.md "Roles": the administrator's), their members and what they send on their own. */
export function createQueueAdmin(db: Database) {
  function list(): QueueView[] {
    const members = db.orm.select().from(queueMembers).orderBy(asc(queueMembers.agentId)).all();
    const perQueue = db.orm.select({ queueId: cases.queueId, n: count() }).from(cases).groupBy(cases.queueId).all();
    const counts = new Map(perQueue.map((c) => [c.queueId, c.n]));
    return db.orm
      .select()
      .from(queues)
      .orderBy(asc(queues.name))
      .all()
      .map((queue) => ({
        ...queue,
        memberIds: members.filter((m) => m.queueId === queue.id).map((m) => m.agentId),
        caseCount: counts.get(queue.id) ?? 0,
      }));
  }

  const view = (id: number) => list().find((queue) => queue.id === id) as QueueView;

  function create(input: QueueSettings, actor: AgentSummary): QueueView {
    return administer(db, actor, () => {
      checkSettings(input, null);
      const { memberIds, ...row } = input;
      const { id } = db.orm.insert(queues).values(row).returning({ id: queues.id }).get();
      writeMembers(id, memberIds);
      return view(id);
    });
  }

  function update({ id, ...input }: QueueUpdate, actor: AgentSummary): QueueView {
    return administer(db, actor, () => {
      const current = db.orm.select().from(queues).where(eq(queues.id, id)).get();
      if (!current) throw notFound(queueMissing);
      checkSettings(input, id);
      if (input.media !== current.media && caseCount(id) > 0) {
        throw refused('Cette file contient des dossiers : son média ne peut plus changer.', 'media');
      }
      if (current.active && !input.active) assertNothingRoutesTo(id, 'active', 'désactiver');
      const { memberIds, ...row } = input;
      db.orm.update(queues).set(row).where(eq(queues.id, id)).run();
      db.orm.delete(queueMembers).where(eq(queueMembers.queueId, id)).run();
      writeMembers(id, memberIds);
      return view(id);
    });
  }

  /** Existing cases must keep their queue: a queue that has any is deactivated, never deleted. */
  function remove(id: number, actor: AgentSummary): null {
    return administer(db, actor, () => {
      if (!db.orm.select({ id: queues.id }).from(queues).where(eq(queues.id, id)).get()) throw notFound(queueMissing);
      if (caseCount(id) > 0) throw refused('Cette file contient des dossiers : désactivez-la plutôt que de la supprimer.');
      assertNothingRoutesTo(id, undefined, 'supprimer');
      db.orm.delete(queues).where(eq(queues.id, id)).run();
      return null;
    });
  }

  function checkSettings(input: QueueSettings, id: number | null): void {
    const names = db.orm.select({ id: queues.id, name: queues.name }).from(queues).all();
    assertNameFree(names, input.name, id, 'name', queueMessages.nameTaken);
    if (input.mailboxId !== null && !db.orm.select().from(mailboxes).where(eq(mailboxes.id, input.mailboxId)).get()) {
      throw invalidField('mailboxId', 'Cette boîte aux lettres n’existe pas.');
    }
    checkMembers(input.memberIds);
  }

  /** Members take cases: they must be agents or supervisors, not administrators (see rights.ts). */
  function checkMembers(memberIds: readonly number[]): void {
    if (memberIds.length === 0) return;
    const found = db.orm.select().from(agents).where(inArray(agents.id, [...memberIds])).all();
    if (found.length !== memberIds.length) throw invalidField('memberIds', 'Un des membres choisis n’existe pas.');
    const outsider = found.find((agent) => !can({ role: agent.role, grants: grantsOf(agent) }, 'handle_cases'));
    if (outsider) {
      throw invalidField('memberIds', `${outsider.displayName} est administrateur : il ne traite pas de dossiers.`);
    }
  }

  /** Mail would land where nobody looks: the mailboxes and active rules that feed it must change first. */
  function assertNothingRoutesTo(id: number, field: string | undefined, verb: string): void {
    const mailbox = db.orm.select({ name: mailboxes.name }).from(mailboxes).where(eq(mailboxes.queueId, id)).get();
    if (mailbox) {
      const message = `La boîte aux lettres « ${mailbox.name} » dépose son courrier dans cette file : ` +
        `choisissez-lui une autre file avant de la ${verb}.`;
      throw refused(message, field);
    }
    const rule = db.orm
      .select({ name: routingRules.name })
      .from(routingRules)
      .where(and(eq(routingRules.queueId, id), eq(routingRules.active, true)))
      .get();
    if (rule) {
      throw refused(`La règle de gestion « ${rule.name} » envoie vers cette file : modifiez-la avant de la ${verb}.`, field);
    }
  }

  function writeMembers(queueId: number, memberIds: readonly number[]): void {
    if (memberIds.length > 0) db.orm.insert(queueMembers).values(memberIds.map((agentId) => ({ queueId, agentId }))).run();
  }

  function caseCount(queueId: number): number {
    return db.orm.select({ n: count() }).from(cases).where(eq(cases.queueId, queueId)).get()?.n ?? 0;
  }

  return { list, create, update, remove };
}
