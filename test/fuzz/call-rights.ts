import { callDef, type CallName } from '../../shared/contract';
import type { Role } from '../../shared/domain/agent';
import { can, type Right } from '../../shared/domain/rights';

/** The lists agents need to create and qualify cases: open to every signed-in agent (calls/admin.ts). */
const openAdministrationLists: ReadonlySet<CallName> = new Set(['admin.queues', 'admin.forms', 'admin.qualifications', 'admin.settings']);

/**
 * The right a call needs where the contract says so in words: the administration and the mailboxes
 * (`calls/admin.ts`, `calls/mailboxes.ts`: `forbidden` to anyone but an administrator) and merging
 * (`calls/cases.ts`: supervisors only). Other calls judge the case or the queue, not only the role.
 */
export function rightNeeded(name: CallName): Right | null {
  if (name.startsWith('mailboxes.')) return 'administer';
  if (name.startsWith('admin.') && !openAdministrationLists.has(name)) return 'administer';
  if (name === 'cases.merge' || name === 'cases.unmerge') return 'merge_cases';
  return null;
}

/** Whether a successful answer to this caller is allowed at all (`null`: a connection never signed in). */
export function maySucceed(role: Role | null, name: CallName): boolean {
  if (callDef(name).access === 'public') return true;
  if (role === null) return false;
  const needed = rightNeeded(name);
  return needed === null || can({ role }, needed);
}
