import { and, asc, eq, inArray } from 'drizzle-orm';
import { roles, type AgentSummary, type DemoAccount } from '../../../shared/domain/agent';
import { can } from '../../../shared/domain/rights';
import type { Database } from '../db/database';
import { agents } from '../db/schema';
import { AppFailure } from '../../../shared/contract';
import { verifyPassword } from '../passwords';
import type { Clock } from '../ports';
import { readSettings } from './admin/settings';
import { createSignInThrottle, type Attempt } from './sign-in-throttle';

/** The agent's row as it is now: what every call of a session is judged on. */
export interface AgentNow extends AgentSummary {
  active: boolean;
}

const summaryColumns = { id: agents.id, displayName: agents.displayName, role: agents.role };

/** One sentence for a wrong login and a wrong password: a refusal must not tell which logins exist. */
export const wrongCredentials = 'Identifiant ou mot de passe incorrect.';

/**
 * Checked when the login matches no active account, so that such a refusal costs the same scrypt
 * as a wrong password: the time of an answer must not tell which logins exist either. The hash of
 * a random password nobody kept.
 */
const decoyHash =
  'scrypt$16384$8$1$HVQb7sRF3vFGPQJZKuY1XQ==$REsBH+A76LAOPLxDNTTwrLDBGDCeEensdbvPdZpN5EhMA0EiUKvCrRXuTbjsGYTi2prMpxmJRxF8BrHWpyX7NA==';

/** Who may sign in: an active account, by its login and password, at a pace the throttle allows. */
export function createSessionService(db: Database, clock: Clock) {
  const throttle = createSignInThrottle(clock);

  /** The account, if the login names an active one and the password is its own; else null. */
  async function verify(login: string, password: string): Promise<AgentSummary | null> {
    const row = db.orm
      .select({ ...summaryColumns, active: agents.active, passwordHash: agents.passwordHash })
      .from(agents)
      .where(eq(agents.login, login))
      .get();
    const matches = await verifyPassword(password, row?.active ? row.passwordHash : decoyHash);
    return row?.active && matches ? { id: row.id, displayName: row.displayName, role: row.role } : null;
  }

  return {
    /** Throttled per login and per address (`rate_limited`); a wrong login reads as a wrong password. */
    async signIn(attempt: Attempt & { password: string }): Promise<AgentSummary> {
      throttle.assertMayTry(attempt);
      throttle.begin(attempt);
      const agent = await verify(attempt.login, attempt.password);
      if (!agent) throw new AppFailure({ code: 'validation', message: wrongCredentials, fields: { password: wrongCredentials } });
      throttle.succeeded(attempt);
      return agent;
    },

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

    /** The administrator's idle limit, read at every call: a change applies to open sessions. */
    idleMinutes: (): number => readSettings(db).sessionIdleMinutes,

    /** Read at every call of a session: the role and the active flag as the administrator left them. */
    agentNow(agentId: number): AgentNow | null {
      return db.orm.select({ ...summaryColumns, active: agents.active }).from(agents).where(eq(agents.id, agentId)).get() ?? null;
    },
  };
}
