import { and, asc, eq } from 'drizzle-orm';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { Database } from '../db/database';
import { agents } from '../db/schema';
import { verifyPassword } from '../passwords';

/** The agent's row as it is now: what every call of a session is judged on. */
export interface AgentNow extends AgentSummary {
  active: boolean;
}

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

    /** Read at every call of a session: the role and the active flag as the administrator left them. */
    agentNow(agentId: number): AgentNow | null {
      return db.orm.select({ ...summaryColumns, active: agents.active }).from(agents).where(eq(agents.id, agentId)).get() ?? null;
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
