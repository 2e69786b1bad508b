import type { Database } from '../../db/database';
import type { Clock } from '../../ports';
import { createAgentAccounts } from './agent-accounts';
import { createFormAdmin } from './forms';
import { createQualificationAdmin } from './qualifications';
import { createQueueAdmin } from './queues';
import { createRoutingRuleAdmin } from './routing-rules';
import { createSettingsAdmin } from './settings';
import { createTemplateCatalogue } from './template-catalogue';

/** Everything the administrator sets up, one module per administered thing. */
export function createAdminService(db: Database, clock: Clock) {
  return {
    queues: createQueueAdmin(db),
    agents: createAgentAccounts(db, clock),
    forms: createFormAdmin(db),
    qualifications: createQualificationAdmin(db),
    templates: createTemplateCatalogue(db, clock),
    routingRules: createRoutingRuleAdmin(db),
    settings: createSettingsAdmin(db),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
