import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { CreationOptions } from '../../../../shared/contract/calls/creation';
import type { QualificationNode } from '../../../../shared/domain/admin/qualification-schema';
import { allowedActions } from '../../../../shared/domain/case-machine';
import { can } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { agents, queueMembers, queues } from '../../db/schema';
import { createFormAdmin } from '../admin/forms';
import { createQualificationAdmin } from '../admin/qualifications';
import { readSettings } from '../admin/settings';
import type { CaseActor } from '../cases/case-scope';

/**
 * What the creation form offers this agent (seed "Créer un dossier"). The same lists are the
 * catalogue the core validates a submission against, so the form cannot offer what the core refuses.
 */
export function creationOptions(db: Database, actor: CaseActor): CreationOptions {
  return {
    forms: createFormAdmin(db)
      .list()
      .filter((form) => form.active)
      .map(({ id, name, media, standard, fields }) => ({
        id,
        name,
        media,
        standard,
        fields: fields.map(({ key, label, type, required, options }) => ({ key, label, type, required, options })),
      })),
    queues: fileableQueues(db, actor),
    qualifications: activeOnly(createQualificationAdmin(db).tree()),
    agents: otherCaseHandlers(db, actor.id),
    defaultCountry: readSettings(db).defaultCountry,
  };
}

/** PRODUCT.md "Roles": an agent files into the queues they belong to; a supervisor into any. */
function fileableQueues(db: Database, actor: CaseActor): CreationOptions['queues'] {
  const memberOf = db.orm.select({ id: queueMembers.queueId }).from(queueMembers).where(eq(queueMembers.agentId, actor.id));
  const visible = can(actor.rights, 'view_all_desks') ? undefined : inArray(queues.id, memberOf);
  return db.orm
    .select()
    .from(queues)
    .where(and(eq(queues.active, true), visible))
    .orderBy(asc(queues.name))
    .all()
    .map((queue) => {
      const facts = { state: 'creation', assigneeId: null, queueMode: queue.distribution } as const;
      const enabled = queue.allowedActions ? new Set(queue.allowedActions) : undefined;
      const actions = allowedActions(facts, actor, enabled);
      return { id: queue.id, name: queue.name, media: queue.media, mode: queue.distribution, actions };
    });
}

/** An inactive qualification hides its whole subtree from the pickers. */
function activeOnly(nodes: QualificationNode[]): QualificationNode[] {
  return nodes.filter((node) => node.active).map((node) => ({ ...node, children: activeOnly(node.children) }));
}

export function qualificationIds(nodes: readonly QualificationNode[]): Set<number> {
  return new Set(nodes.flatMap((node) => [node.id, ...qualificationIds(node.children)]));
}

/** "A traiter par un autre agent": whoever handles cases, today, except the author. */
function otherCaseHandlers(db: Database, actorId: number): CreationOptions['agents'] {
  return db.orm
    .select({ id: agents.id, displayName: agents.displayName, role: agents.role })
    .from(agents)
    .where(and(eq(agents.active, true), ne(agents.id, actorId)))
    .orderBy(asc(agents.displayName))
    .all()
    .filter((agent) => can(agent, 'handle_cases'));
}
