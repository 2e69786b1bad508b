import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { AgentSummary } from '../../../../shared/domain/agent';
import {
  agentAccountMessages,
  type AgentAccount,
  type agentCreateSchema,
  type agentUpdateSchema,
} from '../../../../shared/domain/admin/agent-account-schema';
import { openStates } from '../../../../shared/domain/case-state';
import { can, type RightsHolder } from '../../../../shared/domain/rights';
import type { Database } from '../../db/database';
import { agents, cases, queueMembers } from '../../db/schema';
import { hashPassword } from '../../passwords';
import type { Clock } from '../../ports';
import { invalidField, notFound } from '../access';
import { administer, refused, requireAdministrator } from './admin-guard';
import { grantsOf, grantValues } from './agent-grants';
import { richTextOrPlain } from './rich-text';

type AgentCreate = z.output<typeof agentCreateSchema>;
type AgentUpdate = z.output<typeof agentUpdateSchema>;
type AgentRow = typeof agents.$inferSelect;
type AccountFields = Omit<AgentUpdate, 'id'>;

const agentMissing = 'Cet agent n’existe pas.';

/**
 * Agents' accounts. Passwords are hashed before the write lock is taken (scrypt costs ~50 ms) and
 * never leave the core; agents are deactivated, never deleted, as cases and history name them.
 */
export function createAgentAccounts(db: Database, clock: Clock) {
  function list(actor: AgentSummary): AgentAccount[] {
    requireAdministrator(db, actor);
    const memberships = db.orm.select().from(queueMembers).orderBy(asc(queueMembers.queueId)).all();
    return db.orm
      .select()
      .from(agents)
      .orderBy(asc(agents.displayName), asc(agents.id))
      .all()
      .map((row) => toAccount(row, memberships.filter((m) => m.agentId === row.id).map((m) => m.queueId)));
  }

  const view = (id: number, actor: AgentSummary) => list(actor).find((account) => account.id === id) as AgentAccount;

  function create({ password, ...input }: AgentCreate, actor: AgentSummary): AgentAccount {
    // Checked before hashing too: nobody else gets to spend the core's CPU on scrypt.
    requireAdministrator(db, actor);
    const passwordHash = hashPassword(password);
    return administer(db, actor, () => {
      assertLoginFree(input.login, null);
      const row = { ...columns(input), passwordHash, createdAt: clock.now().toISOString() };
      const { id } = db.orm.insert(agents).values(row).returning({ id: agents.id }).get();
      return view(id, actor);
    });
  }

  function update({ id, ...input }: AgentUpdate, actor: AgentSummary): AgentAccount {
    return administer(db, actor, () => {
      const current = db.orm.select().from(agents).where(eq(agents.id, id)).get();
      if (!current) throw notFound(agentMissing);
      assertLoginFree(input.login, id);
      assertAdministratorRemains(current, input);
      assertCasesKeepTheirAgent(current, input);
      db.orm.update(agents).set(columns(input)).where(eq(agents.id, id)).run();
      return view(id, actor);
    });
  }

  function setPassword(id: number, password: string, actor: AgentSummary): null {
    requireAdministrator(db, actor);
    const passwordHash = hashPassword(password);
    return administer(db, actor, () => {
      const done = db.orm.update(agents).set({ passwordHash }).where(eq(agents.id, id)).run();
      if (done.changes === 0) throw notFound(agentMissing);
      return null;
    });
  }

  function assertLoginFree(login: string, exceptId: number | null): void {
    const taken = db.orm
      .select({ id: agents.id })
      .from(agents)
      .where(exceptId === null ? eq(agents.login, login) : and(eq(agents.login, login), ne(agents.id, exceptId)))
      .get();
    if (taken) throw invalidField('login', agentAccountMessages.loginTaken);
  }

  /** Nobody could ever configure the centre again. */
  function assertAdministratorRemains(current: AgentRow, next: AccountFields): void {
    const administers = (holder: RightsHolder, active: boolean) => active && can(holder, 'administer');
    if (!administers(current, current.active) || administers(next, next.active)) return;
    const others = db.orm
      .select({ n: count() })
      .from(agents)
      .where(and(eq(agents.role, 'administrator'), eq(agents.active, true), ne(agents.id, current.id)))
      .get();
    if ((others?.n ?? 0) === 0) {
      throw refused(agentAccountMessages.lastAdministrator, next.active ? 'role' : 'active');
    }
  }

  /** Open cases would sit on the desk of someone who can no longer handle them. */
  function assertCasesKeepTheirAgent(current: AgentRow, next: AccountFields): void {
    const handles = (holder: RightsHolder, active: boolean) => active && can(holder, 'handle_cases');
    if (!handles(current, current.active) || handles(next, next.active)) return;
    const field = next.active ? 'role' : 'active';
    const open = db.orm
      .select({ n: count() })
      .from(cases)
      .where(and(eq(cases.assigneeId, current.id), inArray(cases.state, [...openStates, 'in_validation'])))
      .get();
    if ((open?.n ?? 0) > 0) {
      throw refused(`${current.displayName} a encore ${open?.n} dossier(s) en cours : réaffectez-les d’abord.`, field);
    }
    const member = db.orm.select().from(queueMembers).where(eq(queueMembers.agentId, current.id)).get();
    if (member && next.active) {
      throw refused(`Retirez d’abord ${current.displayName} des files dont il est membre.`, field);
    }
  }

  return { list, create, update, setPassword };
}

function columns({ grants, signatureHtml, email, ...fields }: AccountFields) {
  return { ...fields, email: email ?? null, signatureHtml: richTextOrPlain(signatureHtml), ...grantValues(grants) };
}

/** Picked one by one: a column added later (or the hash) never reaches the screens by accident. */
function toAccount(row: AgentRow, queueIds: number[]): AgentAccount {
  const { id, login, displayName, role, email, signatureHtml, active, createdAt } = row;
  return { id, login, displayName, role, email, signatureHtml, active, createdAt, grants: grantsOf(row), queueIds };
}
