import { AppFailure } from '../../../../shared/contract';
import type { CreationOptions, CreationResult } from '../../../../shared/contract/calls/creation';
import { customFieldValues, type CaseCreation } from '../../../../shared/domain/case-creation-schema';
import { transitions } from '../../../../shared/domain/case-machine';
import type { ContactCard } from '../../../../shared/domain/contact-view';
import type { Reply } from '../../../../shared/domain/reply';
import type { Database } from '../../db/database';
import { hasVisibleContent, sanitizeReplyHtml } from '../../mail/html-sanitizer';
// One numbering for cases opened by mail and by agents: the same allocator, under the same write lock.
import { nextCaseNumber } from '../../mail/ingest/case-number';
import type { BlobStore } from '../../storage/blob-store';
import { applyAction, type AppliedAction } from '../cases/apply-action';
import type { CaseRow } from '../cases/case-rows';
import type { CaseActor } from '../cases/case-scope';
import { saveDraft } from '../cases/draft-store';
import { assertRecipientAllowed } from '../cases/recipient-check';
import { fullName } from '../contacts/contact-rows';
import { fillPlaceholders, placeholderValues, type PlaceholderValues } from '../templates/placeholders';
import { insertCreatedCase } from './created-case';
import { resolveContact } from './creation-contact';

type Form = CreationOptions['forms'][number];
type Queue = CreationOptions['queues'][number];

/** A submission the schema accepted, with what the core prepared before the transaction. */
export interface CheckedCreation {
  input: CaseCreation;
  form: Form;
  queue: Queue;
  /** Sanitised: the question is stored, shown and quoted as the core cleaned it. */
  questionHtml: string;
  actor: CaseActor;
  now: Date;
}

export interface Created {
  result: CreationResult;
  applied: AppliedAction;
}

/**
 * The whole creation, in the caller's IMMEDIATE transaction: the contact, the case with its number,
 * fields, question, files and note, then the chosen action through the case machine (`applyAction`,
 * origin 'creation': state, desk, assignee, history, outgoing reply and outbox row). Any refusal
 * thrown on the way undoes all of it, the contact included.
 */
export function submitCase(deps: { db: Database; blobs: BlobStore }, checked: CheckedCreation): Created {
  const { db, blobs } = deps;
  const { input, form, queue, actor, now } = checked;
  const at = now.toISOString();
  const contact = resolveContact(db, input, queue.media, at);
  const row = insertCreatedCase(db, blobs, {
    number: nextCaseNumber(db),
    formId: form.id,
    queueId: queue.id,
    qualificationId: input.qualificationId,
    contact: contact.card,
    contactOutcome: contact.outcome,
    subject: input.subject,
    questionHtml: checked.questionHtml,
    requestAttachments: input.requestAttachments,
    customFields: storedFields(input, form),
    notepad: input.notepad,
    authorId: actor.id,
    at,
  });
  const reply = replyOf(input, contact.card, placeholderValues(db, row.id, actor.id));
  const sends = transitions[input.action].needs.includes('needs_reply');
  // The 'created' entry was version 1: the action is the next one.
  const acted = { ...row, version: row.version + 1 };
  const command = { action: input.action, reply: sends ? reply : undefined, targetAgentId: input.targetAgentId };
  const applied = withResponsePaths(() => {
    const done = applyAction({ db, blobs }, { row: acted, origin: 'creation', command, actor, now });
    if (!sends) keepUnsentResponse(deps, acted, reply, actor, at);
    return done;
  });
  const result = {
    caseId: row.id,
    number: row.number,
    contactId: contact.card.id,
    state: applied.state,
    desk: applied.desk,
    assigneeId: applied.assigneeId,
    version: applied.version,
    message: `Le dossier ${row.number} a été créé.`,
  };
  return { result, applied };
}

/** The case actions call the reply `reply`; the creation form calls it `response`: refusals name the form's field. */
function withResponsePaths<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof AppFailure) || !error.error.fields) throw error;
    const entries = Object.entries(error.error.fields).map(([path, message]) => [path.replace(/^reply\./, 'response.'), message]);
    throw new AppFailure({ ...error.error, fields: Object.fromEntries(entries) });
  }
}

/**
 * Seed: the reply goes to the contact; `to` left out means the card's address. A template inserted in
 * the form had its contact placeholders filled as the agent typed, but the case number did not exist
 * yet and the renderer has no agent signature: now that the case is numbered they are filled as the
 * templates service fills them, so that the contact never reads braces (a kept draft alike).
 */
function replyOf(input: CaseCreation, card: ContactCard, values: PlaceholderValues): Reply {
  const to = input.response.to ?? (card.email ? { name: fullName(card), address: card.email } : undefined);
  return { ...input.response, html: fillPlaceholders(input.response.html, values), to };
}

/**
 * A response typed with an action that sends nothing (seed: "Il est possible de fournir une réponse
 * ultérieurement") is kept as the case's draft rather than lost: whoever handles the case finds it.
 */
function keepUnsentResponse(deps: { db: Database; blobs: BlobStore }, row: CaseRow, reply: Reply, actor: CaseActor, at: string) {
  const html = sanitizeReplyHtml(reply.html);
  if (!hasVisibleContent(html) && reply.attachments.length === 0) return;
  assertRecipientAllowed(deps.db, row, reply, actor);
  saveDraft(deps.db, deps.blobs, { caseId: row.id, reply: { ...reply, html }, savedById: actor.id, at });
}

/** Custom fields as the schema reads them; rich text ones cleaned like every HTML the core keeps. */
function storedFields(input: CaseCreation, form: Form): Record<string, string> {
  const values = customFieldValues(input.fields, form.fields);
  for (const field of form.fields) {
    const value = values[field.key];
    if (field.type === 'richtext' && value !== undefined) values[field.key] = sanitizeReplyHtml(value);
  }
  return values;
}
