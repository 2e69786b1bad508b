import { eq } from 'drizzle-orm';
import type { GrantableRight, RightsHolder } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { agents } from '../../db/schema';

type AgentRow = typeof agents.$inferSelect;

/** The `agents` column that stores each grant: adding a grantable right without its column fails to compile. */
const grantColumns = {
  change_recipient: 'mayChangeRecipient',
} as const satisfies Record<GrantableRight, keyof AgentRow>;

const grantable = Object.keys(grantColumns) as GrantableRight[];

export const grantsOf = (row: Pick<AgentRow, (typeof grantColumns)[GrantableRight]>): GrantableRight[] =>
  grantable.filter((grant) => row[grantColumns[grant]]);

export function grantValues(grants: readonly GrantableRight[]): Pick<AgentRow, (typeof grantColumns)[GrantableRight]> {
  const values = {} as Record<(typeof grantColumns)[GrantableRight], boolean>;
  for (const grant of grantable) values[grantColumns[grant]] = grants.includes(grant);
  return values;
}

/**
 * What an agent may do now, read from their row rather than from the session: a role changed or an
 * account deactivated by an administrator applies to the very next call. Null for an inactive agent.
 */
export function currentRights(db: Database, agentId: number): RightsHolder | null {
  const row = db.orm.select().from(agents).where(eq(agents.id, agentId)).get();
  if (!row?.active) return null;
  return { role: row.role, grants: grantsOf(row) };
}
