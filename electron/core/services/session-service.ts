import { and, asc, eq } from 'drizzle-orm';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { Database } from '../db/database';
import { agents } from '../db/schema';
import { verifyPassword } from '../passwords';

const summaryColumns = { id: agents.id, displayName: agents.displayName, role: agents.role };

/** Who may sign in: the sign-in screen lists active agents, then checks the chosen one's password. */
export function createSessionService(db: Database) {
  return {
    listAgents(): AgentSummary[] {
      return db.orm
        .select(summaryColumns)
        .from(agents)
        .where(eq(agents.active, true))
        .orderBy(asc(agents.displayName))
        .all();
    },

    verify(agentId: number, password: string): AgentSummary | null {
      const row = db.orm
        .select({ ...summaryColumns, passwordHash: agents.passwordHash })
        .from(agents)
        .where(and(eq(agents.id, agentId), eq(agents.active, true)))
        .get();
      if (!row || !verifyPassword(password, row.passwordHash)) return null;
      return { id: row.id, displayName: row.displayName, role: row.role };
    },
  };
}
