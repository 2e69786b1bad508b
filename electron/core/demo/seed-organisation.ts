import { agents, qualifications, queueMembers, queues, settings, templates, templateThemes } from '../db/schema';
import type { Database } from '../db/database';
import { demoAgents, demoMailbox, demoQualifications, demoQueues, type DemoAgentKey, type DemoQueueKey } from './demo-data';
import { seedDemoMailbox } from './demo-mailbox';
import { demoMarker } from './demo-marker';
import { demoThemes } from './demo-templates';
import { insertStandardForms } from './standard-form';
import { insertTree } from './tree';

type Orm = Database['orm'];

/** Ids of what the demo cases refer to. */
export interface DemoOrganisation {
  agentIds: Record<DemoAgentKey, number>;
  queueIds: Record<DemoQueueKey, number>;
  emailFormId: number;
  qualificationIds: Map<string, number>;
}

/** Settings, agents, queues, its mailbox, forms, qualifications and templates of the demo centre. */
export function seedOrganisation(orm: Orm, now: string, passwordHashes: Record<DemoAgentKey, string>): DemoOrganisation {
  orm.insert(settings).values([
    { key: 'default_country', value: 'FR' },
    demoMarker,
  ]).run();
  const agentIds = seedAgents(orm, now, passwordHashes);
  const queueIds = seedQueues(orm, agentIds);
  seedDemoMailbox(orm, queueIds[demoMailbox.queue]);
  const formIds = insertStandardForms(orm);
  seedTemplates(orm, now);
  return { agentIds, queueIds, emailFormId: formIds.email, qualificationIds: seedQualifications(orm) };
}

function seedAgents(orm: Orm, now: string, hashes: Record<DemoAgentKey, string>) {
  const ids = {} as Record<DemoAgentKey, number>;
  for (const { key, ...agent } of demoAgents) {
    const row = { ...agent, passwordHash: hashes[key], createdAt: now };
    ids[key] = orm.insert(agents).values(row).returning({ id: agents.id }).get().id;
  }
  return ids;
}

function seedQueues(orm: Orm, agentIds: Record<DemoAgentKey, number>) {
  const ids = {} as Record<DemoQueueKey, number>;
  for (const { key, members, address: _address, ...queue } of demoQueues) {
    const queueId = orm.insert(queues).values(queue).returning({ id: queues.id }).get().id;
    orm.insert(queueMembers).values(members.map((member) => ({ queueId, agentId: agentIds[member] }))).run();
    ids[key] = queueId;
  }
  return ids;
}

/** Qualification ids by label: the demo's labels are unique across the tree. */
function seedQualifications(orm: Orm): Map<string, number> {
  const ids = new Map<string, number>();
  insertTree(demoQualifications, ({ label }, parentId, position) => {
    const { id } = orm.insert(qualifications).values({ label, parentId, position }).returning({ id: qualifications.id }).get();
    ids.set(label, id);
    return id;
  });
  return ids;
}

function seedTemplates(orm: Orm, now: string): void {
  insertTree(demoThemes, (theme, parentId, position) => {
    const themeId = orm
      .insert(templateThemes)
      .values({ name: theme.name, parentId, position })
      .returning({ id: templateThemes.id })
      .get().id;
    const rows = (theme.templates ?? []).map((t, i) => ({ ...t, themeId, position: i, updatedAt: now }));
    if (rows.length > 0) orm.insert(templates).values(rows).run();
    return themeId;
  });
}
