import type { AgentSummary } from './agent';
import { caseActions, type ApproveChoice, type CaseAction } from './case-actions';
import { commandRefusal, disabledByAdministrator, factRefusal, notAllowedFrom, type Refusal } from './case-refusals';
import type { CaseState, Distribution } from './case-state';
import {
  transitions,
  type AssigneeOutcome,
  type CaseDesk,
  type CommandCondition,
  type DraftEffect,
  type FactCondition,
  type TransitionRule,
} from './case-transitions';

// One entry point for callers: the codes, the table and the refusals come with the machine.
export { caseActions, caseActionSchema, approveChoices, type ApproveChoice, type CaseAction } from './case-actions';
export { refusalCodes, type RefusalCode, type Refusal } from './case-refusals';
export { transitions, type CaseDesk, type DraftEffect, type TransitionRule } from './case-transitions';

/** What the machine needs to know about a case; a case being created has nobody yet. */
export type CaseFacts =
  | { readonly state: 'creation'; readonly assigneeId: null; readonly queueMode: Distribution }
  | { readonly state: CaseState; readonly assigneeId: number | null; readonly queueMode: Distribution };

/** What the agent asked for. The reply is summarised: the machine checks presence, not content. */
export interface CaseCommand {
  readonly action: CaseAction;
  readonly targetAgentId?: number;
  readonly reply?: { readonly hasBody: boolean; readonly hasRecipient: boolean };
  readonly comment?: string;
  /** Only read by `approve`; `closed` when absent (PRODUCT.md). */
  readonly approveAs?: ApproveChoice;
}

export type CaseActor = Pick<AgentSummary, 'id' | 'role'>;

export interface NextCase {
  readonly state: CaseState;
  readonly assignee: number | null;
  readonly desk: CaseDesk;
}

/** The rule's effects, resolved: the service writes them in the action's transaction. */
export interface DecidedEffects {
  readonly sendsReply: boolean;
  readonly draft: DraftEffect;
  /** Trimmed comment to add to the notepad, or null. */
  readonly notepadComment: string | null;
}

export type Decision = { readonly ok: true; readonly next: NextCase; readonly effects: DecidedEffects } | Refusal;

/** Same test as the core's `canSupervise`: administrators set things up, they do not handle cases. */
const isSupervisor = (actor: CaseActor) => actor.role === 'supervisor';

const factHolds: Record<FactCondition, (facts: CaseFacts, actor: CaseActor) => boolean> = {
  // At creation the actor is the case's author: there is no one else to defer to.
  assignee_or_supervisor: (facts, actor) =>
    facts.state === 'creation' || facts.assigneeId === actor.id || isSupervisor(actor),
  unassigned_only: (facts) => facts.assigneeId === null,
  supervisor_only: (_facts, actor) => isSupervisor(actor),
  pull_queue_only: (facts) => facts.queueMode === 'pull',
};

const commandHolds: Record<CommandCondition, (command: CaseCommand) => boolean> = {
  needs_reply: (command) => command.reply?.hasBody === true,
  needs_recipient: (command) => command.reply?.hasRecipient === true,
  needs_comment: (command) => (command.comment ?? '').trim() !== '',
  needs_target_agent: (command) => Number.isInteger(command.targetAgentId) && (command.targetAgentId ?? 0) > 0,
};

/** The desk a case in this state and with this agent is listed on (PRODUCT.md "Case states"). */
export function deskOf(state: CaseState, assigneeId: number | null): CaseDesk {
  switch (state) {
    case 'in_validation':
      return 'validation';
    case 'waiting_contact':
    case 'closed':
      return 'processed';
    default:
      return assigneeId === null ? 'queue' : 'in_progress';
  }
}

/** The state, role and queue checks only: what a screen can know before the agent fills anything in. */
function factRefusalOf(
  rule: TransitionRule,
  action: CaseAction,
  facts: CaseFacts,
  actor: CaseActor,
  enabled?: ReadonlySet<CaseAction>,
): Refusal | null {
  if (enabled && !enabled.has(action)) return disabledByAdministrator(action);
  if (!rule.from.includes(facts.state)) return notAllowedFrom(action, facts.state);
  const failed = rule.requires.find((condition) => !factHolds[condition](facts, actor));
  return failed ? factRefusal(failed, action, facts.assigneeId, actor.id) : null;
}

/**
 * The case machine: whether `actor` may do `command` on the case, and if so where the case goes and
 * what must be written with it. Pure: the service runs the effects in one transaction.
 * `enabledActions` is the administrator's list; absent means every action is enabled.
 */
export function decide(
  facts: CaseFacts,
  command: CaseCommand,
  actor: CaseActor,
  enabledActions?: ReadonlySet<CaseAction>,
): Decision {
  const rule = transitions[command.action];
  const refusal = factRefusalOf(rule, command.action, facts, actor, enabledActions);
  if (refusal) return refusal;
  const missing = rule.needs.find((condition) => !commandHolds[condition](command));
  if (missing) return commandRefusal(missing, command.action);
  return { ok: true, next: nextCase(rule, facts, command, actor), effects: effectsOf(rule, command) };
}

/** The actions a screen may offer; `decide` still has the last word once the command is filled in. */
export function allowedActions(
  facts: CaseFacts,
  actor: CaseActor,
  enabledActions?: ReadonlySet<CaseAction>,
): CaseAction[] {
  return caseActions.filter((action) => !factRefusalOf(transitions[action], action, facts, actor, enabledActions));
}

function nextCase(rule: TransitionRule, facts: CaseFacts, command: CaseCommand, actor: CaseActor): NextCase {
  const { to } = rule;
  const assignee = assigneeAfter(to.assignee, facts, command, actor);
  if (to.state === 'approve_choice') return { state: command.approveAs ?? 'closed', assignee, desk: to.desk };
  if (to.state !== 'unchanged') return { state: to.state, assignee, desk: to.desk };
  if (facts.state === 'creation') throw new Error(`transitions.${command.action}: "unchanged" needs an existing case`);
  return { state: facts.state, assignee, desk: deskOf(facts.state, assignee) };
}

function assigneeAfter(
  outcome: AssigneeOutcome,
  facts: CaseFacts,
  command: CaseCommand,
  actor: CaseActor,
): number | null {
  switch (outcome) {
    case 'actor':
      return actor.id;
    case 'keep':
      return facts.assigneeId;
    case 'keep_or_actor':
      return facts.assigneeId ?? actor.id;
    case 'target_agent':
      // `needs_target_agent` guarantees it; a table row that forgets the condition must fail loudly.
      if (command.targetAgentId === undefined) throw new Error(`transitions.${command.action}: no target agent`);
      return command.targetAgentId;
  }
}

function effectsOf(rule: TransitionRule, command: CaseCommand): DecidedEffects {
  const { sendsReply, draft, notepadFromComment } = rule.effects;
  const notepadComment = notepadFromComment ? (command.comment ?? '').trim() : null;
  return { sendsReply, draft, notepadComment };
}
