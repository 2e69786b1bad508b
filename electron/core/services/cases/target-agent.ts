import { eq } from 'drizzle-orm';
import { can } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { agents } from '../../db/schema';
import { invalidField } from '../access';
import { grantsOf } from '../admin/agent-grants';

/** `assign_to_agent`: the case must land on the desk of someone who works on cases, today. */
export function assertTargetAgent(db: Database, agentId: number): { id: number; displayName: string } {
  const row = db.orm.select().from(agents).where(eq(agents.id, agentId)).get();
  if (!row?.active || !can({ role: row.role, grants: grantsOf(row) }, 'handle_cases')) {
    throw invalidField('targetAgentId', 'Cet agent n’existe pas, est désactivé ou ne traite pas de dossiers.');
  }
  return { id: row.id, displayName: row.displayName };
}
