import { and, asc, eq, inArray } from 'drizzle-orm';
import { roles, type AgentSummary, type DemoAccount } from '../../../shared/domain/agent';
import { can } from '../../../shared/domain/rights';
import type { Database } from '../db/database';
import { agents } from '../db/schema';
import { hashPassword, verifyPassword } from '../passwords';

/** The agent's row as it is now: what every call of a session is judged on. */
export interface AgentNow extends AgentSummary {
  active: boolean;
}

const summaryColumns = { id: agents.id, displayName: agents.displayName, role: agents.role };

/** Who may sign in: an active account, by its login and password. */
export function createSessionService(db: Database) {
  /**
   * Checked when the login matches no active account, so that such a refusal costs the same scrypt
   * as a wrong password: the time of an answer must not tell which logins exist.
   */
  let decoy: string | null = null;

  return {
    /** The demo's sign-in screen shows its accounts beside the demo password; see `session.agents`. */
    demoAccounts(): DemoAccount[] {
      return db.orm
        .select({ ...summaryColumns, login: agents.login })
        .from(agents)
        .where(eq(agents.active, true))
        .orderBy(asc(agents.displayName))
        .all();
    },

    /** Who handles cases here, for the screens that name a colleague (desks, reassignment). */
    colleagues(): AgentSummary[] {
      const handling = roles.filter((role) => can({ role }, 'handle_cases'));
      return db.orm
        .select(summaryColumns)
        .from(agents)
        .where(and(eq(agents.active, true), inArray(agents.role, handling)))
        .orderBy(asc(agents.displayName))
        .all();
    },

    /** Read at every call of a session: the role and the active flag as the administrator left them. */
    agentNow(agentId: number): AgentNow | null {
      return db.orm.select({ ...summaryColumns, active: agents.active }).from(agents).where(eq(agents.id, agentId)).get() ?? null;
    },

    /** The account, if the login names an active one and the password is its own; else null. */
    verify(login: string, password: string): AgentSummary | null {
      const row = db.orm
        .select({ ...summaryColumns, active: agents.active, passwordHash: agents.passwordHash })
        .from(agents)
        .where(eq(agents.login, login))
        .get();
      if (!row?.active) {
        decoy ??= hashPassword('decoy');
        verifyPassword(password, decoy);
        return null;
      }
      if (!verifyPassword(password, row.passwordHash)) return null;
      return { id: row.id, displayName: row.displayName, role: row.role };
    },
  };
}
