import type { CaseAction, CaseOrigin } from './case-actions';
import { openStates, type CaseState } from './case-state';

/** Conditions read from the case, the actor and the queue: a screen can check them before acting. */
export type FactCondition =
  | 'assignee_or_supervisor' // the case's agent, or a supervisor (PRODUCT.md "Roles"); the creator at creation
  | 'unassigned_only' // nobody has the case yet (it waits in its queue)
  | 'supervisor_only'
  | 'pull_queue_only'; // the case's queue distributes in pull mode

/** Conditions on what the command carries: only known once the agent has filled it in. */
export type CommandCondition =
  | 'needs_reply' // a reply body
  | 'needs_recipient' // an e-mail address to send the reply to
  | 'needs_comment' // a non-blank comment
  | 'needs_target_agent';

/** The list a case shows in (PRODUCT.md "Case states"); `validation` is the supervisors' desk. */
export type CaseDesk = 'in_progress' | 'processed' | 'validation' | 'queue';

/**
 * Who has the case afterwards. `keep_or_actor`: the actions that finish a case keep its agent, so it
 * lands in their Traités even when a supervisor acted; a case taken straight from a queue (or being
 * created) becomes the actor's, because an unassigned case outside a queue would be on nobody's desk.
 */
export type AssigneeOutcome = 'actor' | 'target_agent' | 'keep' | 'keep_or_actor';

/** The draft is one per case and doubles as the reply held for validation (see the `drafts` table). */
export type DraftEffect =
  | 'save' // the command's reply becomes the draft
  | 'keep' // left as it is
  | 'clear'; // the reply went to the outbox: the draft is spent

export interface RuleEffects {
  /** An outbox message is written in the same transaction. */
  readonly sendsReply: boolean;
  readonly draft: DraftEffect;
  /** The command's comment is added to the notepad. */
  readonly notepadFromComment: boolean;
}

/**
 * Where the case goes. Two shapes only ever pair with fixed companions, so they are separate
 * variants rather than free fields: a draft leaves everything where it was, and an approval's
 * state is the supervisor's choice (both choices are on the Traités desk).
 */
export type Destination =
  | { readonly state: CaseState; readonly desk: CaseDesk; readonly assignee: AssigneeOutcome }
  | { readonly state: 'unchanged'; readonly desk: 'unchanged'; readonly assignee: 'keep' }
  | { readonly state: 'approve_choice'; readonly desk: 'processed'; readonly assignee: 'keep' };

export interface TransitionRule {
  readonly from: readonly CaseOrigin[];
  /** Checked in this order; the first that fails is the refusal. */
  readonly requires: readonly FactCondition[];
  readonly needs: readonly CommandCondition[];
  readonly to: Destination;
  readonly effects: RuleEffects;
}

const open = openStates;
const sent: RuleEffects = { sendsReply: true, draft: 'clear', notepadFromComment: false };
const quiet: RuleEffects = { sendsReply: false, draft: 'keep', notepadFromComment: false };
const reply: readonly CommandCondition[] = ['needs_reply', 'needs_recipient'];
const owner: readonly FactCondition[] = ['assignee_or_supervisor'];

/** The whole case workflow. One line of "why" per row; the table of PRODUCT.md says "what". */
export const transitions: Record<CaseAction, TransitionRule> = {
  // Pull agents pick it, push agents accept the offer: the same move, and nobody owns the case yet.
  take: {
    from: ['todo'], requires: ['unassigned_only'], needs: [],
    to: { state: 'todo', desk: 'in_progress', assignee: 'actor' }, effects: quiet,
  },
  // PRODUCT.md: open states only (the reply held for validation is frozen); unfinished by nature, so no checks.
  save_draft: {
    from: open, requires: owner, needs: [],
    to: { state: 'unchanged', desk: 'unchanged', assignee: 'keep' }, effects: { ...quiet, draft: 'save' },
  },
  // Checked now because approve sends the reply as held; the seed does not offer it at creation.
  submit_for_validation: {
    from: open, requires: owner, needs: reply,
    to: { state: 'in_validation', desk: 'validation', assignee: 'keep_or_actor' }, effects: { ...quiet, draft: 'save' },
  },
  // The held reply was checked on submission; the submitter keeps the case, now in their Traités.
  approve: {
    from: ['in_validation'], requires: ['supervisor_only'], needs: [],
    to: { state: 'approve_choice', desk: 'processed', assignee: 'keep' }, effects: sent,
  },
  // Back to the submitter with the draft, and the reason in the notepad so the agent can fix the reply.
  reject: {
    from: ['in_validation'], requires: ['supervisor_only'], needs: ['needs_comment'],
    to: { state: 'todo', desk: 'in_progress', assignee: 'keep' }, effects: { ...quiet, notepadFromComment: true },
  },
  // Seed: only for pull queues; a push queue hands out whole cases, a half-answered one has no place there.
  reply_keep_open: {
    from: [...open, 'creation'], requires: [...owner, 'pull_queue_only'], needs: reply,
    to: { state: 'todo_bis', desk: 'in_progress', assignee: 'keep_or_actor' }, effects: sent,
  },
  // Same agent throughout: the contact's answer brings the case back to them as contact_replied.
  reply_and_wait: {
    from: [...open, 'creation'], requires: owner, needs: reply,
    to: { state: 'waiting_contact', desk: 'processed', assignee: 'keep_or_actor' }, effects: sent,
  },
  // A new message on the closed case reopens it for this agent (PRODUCT.md "Incoming messages").
  reply_and_close: {
    from: [...open, 'creation'], requires: owner, needs: reply,
    to: { state: 'closed', desk: 'processed', assignee: 'keep_or_actor' }, effects: sent,
  },
  // Leaves a colleague's draft alone: it is still there if the contact writes again and the case reopens.
  close: {
    from: [...open, 'creation'], requires: owner, needs: [],
    to: { state: 'closed', desk: 'processed', assignee: 'keep_or_actor' }, effects: quiet,
  },
  // PRODUCT.md: always todo, even from contact_replied; a supervisor may also dispatch a case waiting in a queue.
  assign_to_agent: {
    from: [...open, 'creation'], requires: owner, needs: ['needs_target_agent'],
    to: { state: 'todo', desk: 'in_progress', assignee: 'target_agent' }, effects: quiet,
  },
  // From a queue it is `take` under the creation form's name; a held case is moved by assign_to_agent.
  assign_to_me: {
    from: ['creation', 'todo'], requires: ['unassigned_only'], needs: [],
    to: { state: 'todo', desk: 'in_progress', assignee: 'actor' }, effects: quiet,
  },
};
