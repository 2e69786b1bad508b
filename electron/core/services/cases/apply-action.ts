/**
 * applyAction: one action of the case machine, written onto one case, inside a transaction the
 * caller has already opened (it opens none, does no file I/O and emits no event).
 *
 *   applyAction({ db, blobs }, { row, origin, command, actor, now }) → AppliedAction
 *
 * - `row`: the case as read in this transaction, or as just inserted by case creation.
 * - `origin`: `row.state` for an existing case; `'creation'` for a case inserted in this same
 *   transaction: the machine then judges the action as chosen on the creation form, the history
 *   entry has no state before, and the version is written as `row.version` (not + 1), since the
 *   caller counts what it wrote itself (one version per history entry except notes, see `noteAdded`).
 *   An existing case gets `row.version + 1`.
 * - `command`: `{ action, reply?, comment?, targetAgentId?, approveAs? }`, the reply parsed by
 *   `replyInputSchema` (recipients de-duplicated; the HTML is sanitised here).
 * - `actor`: from `caseHandler(db, agent)` (rights as they are now).
 * - `now`: the core clock's instant, stamped on every row written.
 *
 * A refusal throws an AppFailure with a French message; the caller's transaction must let it
 * propagate so that nothing is written. Before opening the transaction the caller must have
 * checked that the reply's staged files exist (`attachments.assertStored`), and, for an existing
 * case, the version the screen read and who may see the case (`cases.act` does both).
 */
import { eq } from 'drizzle-orm';
import { transitions, type ApproveChoice, type CaseAction, type CaseDesk } from '../../../../shared/domain/case-machine';
import type { CaseOrigin } from '../../../../shared/domain/case-actions';
import type { CaseState } from '../../../../shared/domain/case-state';
import type { Reply } from '../../../../shared/domain/reply';
import type { Database } from '../../db/database';
import { cases, notepadEntries, type HistoryDetail } from '../../db/schema';
import { hasVisibleContent, sanitizeReplyHtml } from '../../mail/html-sanitizer';
import type { BlobStore } from '../../storage/blob-store';
import { assertGuards } from './case-guards';
import { writeHistory, type CaseRow } from './case-rows';
import type { CaseActor } from './case-scope';
import { clearDraft, heldReply, saveDraft } from './draft-store';
import { verdict, type Decided } from './machine-verdict';
import { queueReply, type QueuedReply, type ReplyToSend } from './outgoing-reply';
import { assertRecipientAllowed } from './recipient-check';
import { assertTargetAgent } from './target-agent';

export interface ActionDeps {
  db: Database;
  blobs: BlobStore;
}

export interface ActionCommand {
  action: CaseAction;
  reply?: Reply | undefined;
  comment?: string | undefined;
  targetAgentId?: number | undefined;
  approveAs?: ApproveChoice | undefined;
}

export interface ActionRequest {
  row: CaseRow;
  origin: CaseOrigin;
  command: ActionCommand;
  actor: CaseActor;
  now: Date;
}

export interface AppliedAction {
  caseId: number;
  queueId: number;
  version: number;
  state: CaseState;
  assigneeId: number | null;
  desk: CaseDesk;
  /** The outgoing message and its outbox row, when the action sent a reply. */
  sent: QueuedReply | null;
}

const emptyReply: Reply = { cc: [], bcc: [], html: '', attachments: [] };

export function applyAction(deps: ActionDeps, request: ActionRequest): AppliedAction {
  const { db } = deps;
  const { row, origin, command, actor } = request;
  const { decision, reply, target } = checked(db, request);
  const at = request.now.toISOString();
  const { next } = decision;
  const version = origin === 'creation' ? row.version : row.version + 1;
  db.orm
    .update(cases)
    .set({
      state: next.state,
      assigneeId: next.assignee,
      version,
      updatedAt: at,
      // The agent whose Traités the case is in: a new message reopens it on their En cours (PRODUCT.md).
      closedById: next.state === 'closed' ? (next.assignee ?? actor.id) : row.closedById,
      // Taken or handed to someone: a push offer has done its job.
      ...(next.assignee !== null ? { offeredToId: null, offeredAt: null } : {}),
    })
    .where(eq(cases.id, row.id))
    .run();
  const sent = decision.effects.sendsReply ? sendReply(deps, request, reply, next.assignee ?? actor.id, at) : null;
  applyDraftEffect(deps, request, decision, reply, at);
  if (decision.effects.notepadComment) {
    const entry = { caseId: row.id, agentId: actor.id, text: decision.effects.notepadComment, createdAt: at };
    db.orm.insert(notepadEntries).values(entry).run();
  }
  writeHistory(db, {
    caseId: row.id,
    agentId: actor.id,
    action: command.action,
    stateBefore: origin === 'creation' ? null : row.state,
    stateAfter: next.state,
    at,
    detail: historyDetail(decision, target, sent),
  });
  const { state, assignee: assigneeId, desk } = next;
  return { caseId: row.id, queueId: row.queueId, version, state, assigneeId, desk, sent };
}

/** Every refusal, before anything is written: the guards, the machine, the recipient, the target agent. */
function checked(db: Database, request: ActionRequest) {
  const { row, origin, command, actor } = request;
  if (origin !== 'creation') assertGuards(db, row, command.action, actor.id);
  const reply = command.reply ? { ...command.reply, html: sanitizeReplyHtml(command.reply.html) } : undefined;
  const summary = reply ? { hasBody: hasVisibleContent(reply.html), hasRecipient: reply.to !== undefined } : undefined;
  const decision = verdict(db, row, origin, { ...command, reply: summary }, actor);
  if (reply && usesTypedReply(command.action)) assertRecipientAllowed(db, row, reply, actor);
  // `decide` refused a missing target already: here the agent is known to be given.
  const target = transitions[command.action].needs.includes('needs_target_agent')
    ? assertTargetAgent(db, command.targetAgentId as number)
    : null;
  return { decision, reply, target };
}

/** The command's reply is used by the actions that need one or store it; the others ignore it. */
function usesTypedReply(action: CaseAction): boolean {
  const rule = transitions[action];
  return rule.needs.includes('needs_reply') || rule.effects.draft === 'save';
}

/** A sending action that needs no reply of its own (approve) sends the one held in the draft. */
function sendReply(
  deps: ActionDeps,
  request: ActionRequest,
  reply: Reply | undefined,
  notifyAgentId: number,
  at: string,
): QueuedReply {
  const { row, command, actor } = request;
  const toSend: ReplyToSend =
    usesTypedReply(command.action) && reply?.to
      ? { ...reply, to: reply.to, authorId: actor.id, files: { kind: 'staged', staged: reply.attachments } }
      : heldReply(deps.db, row.id);
  return queueReply(deps.db, deps.blobs, { row, reply: toSend, notifyAgentId, at });
}

function applyDraftEffect(deps: ActionDeps, request: ActionRequest, decision: Decided, reply: Reply | undefined, at: string) {
  const { row, actor } = request;
  switch (decision.effects.draft) {
    case 'save':
      // A draft may be unfinished, even empty: saving nothing keeps an empty draft, as the editor showed.
      saveDraft(deps.db, deps.blobs, { caseId: row.id, reply: reply ?? emptyReply, savedById: actor.id, at });
      return;
    case 'clear':
      clearDraft(deps.db, row.id);
      return;
    case 'keep':
      return;
  }
}

function historyDetail(
  decision: Decided,
  target: { id: number; displayName: string } | null,
  sent: QueuedReply | null,
): HistoryDetail | null {
  const detail: HistoryDetail = {};
  if (target) Object.assign(detail, { targetAgentId: target.id, targetAgentName: target.displayName });
  if (decision.effects.notepadComment) detail.comment = decision.effects.notepadComment;
  if (sent) Object.assign(detail, { messageId: sent.messageId, outboxId: sent.outboxId });
  return Object.keys(detail).length > 0 ? detail : null;
}
