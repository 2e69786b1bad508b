import type { AgentSummary } from '../../../../shared/domain/agent';
import type { CreateCentre } from '../../../../shared/domain/setup-schema';
import type { Database } from '../../db/database';
import { agents, settings } from '../../db/schema';
import { insertStandardForms } from '../../demo/standard-form';
import { centreNameSetting } from './centre-state';

/**
 * What « Créer mon centre » writes, in the caller's transaction: the centre's name, the standard
 * forms every case creation needs (seed "Créer un dossier"), and the first administrator. Queues,
 * mailboxes and agents come from the administration screens (the home's checklist).
 */
export function writeNewCentre(db: Database, input: CreateCentre, passwordHash: string, now: string): AgentSummary {
  db.orm.insert(settings).values({ key: centreNameSetting, value: input.centreName }).run();
  insertStandardForms(db.orm);
  const administrator = { login: input.login, displayName: input.displayName, role: 'administrator' as const };
  return db.orm
    .insert(agents)
    .values({ ...administrator, passwordHash, createdAt: now })
    .returning({ id: agents.id, displayName: agents.displayName, role: agents.role })
    .get();
}
