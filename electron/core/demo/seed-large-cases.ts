import type BetterSqlite3 from 'better-sqlite3';
import type { CaseState } from '../../../shared/domain/case-state';
import { cases, drafts, history, messages } from '../db/schema';
import { caseTimeline, type TimelineStep } from './case-timeline';
import type { DemoAgentKey, DemoQueueKey } from './demo-data';
import { contactAnswer, firstMessage, replyMessage, replyText, textToHtml, type ThreadContext } from './demo-messages';
import type { LargeContact } from './seed-large-contacts';
import { preparedInserter } from './seed-large-insert';
import type { Random } from './seed-large-random';
import { caseText, contactAnswerText, type CaseText } from './seed-large-text';

/** The demo organisation as the large seed uses it (read back from the database). */
export interface LargeOrganisation {
  agents: Record<DemoAgentKey, { id: number; displayName: string }>;
  queues: Record<DemoQueueKey, { id: number; name: string; address: string; members: DemoAgentKey[] }>;
  emailFormId: number;
  qualificationIds: Map<string, number>;
}

export interface CaseWriterOptions {
  random: Random;
  organisation: LargeOrganisation;
  contacts: readonly LargeContact[];
  now: number;
  /** Cases this run writes; they arrive evenly over the year before `now`. */
  count: number;
  /** Number of the first one (the demo's cases come first). */
  firstNumber: number;
}

const minute = 60_000;
const day = 24 * 60 * minute;
const span = 365 * day;
const recent = 30 * day;
/** Who takes cases, where they are members: the supervisor takes a few. */
const takers: readonly (readonly [DemoAgentKey, number])[] = [['camille', 5], ['lucas', 4], ['sophie', 1]];

type Outcome = CaseState | 'waiting_in_queue';
// A backlog, as in a real centre: old cases mostly closed, a few left open; recent ones still moving.
const recentOutcomes: readonly (readonly [Outcome, number])[] = [['waiting_in_queue', 40], ['todo', 12],
  ['todo_bis', 7], ['contact_replied', 6], ['waiting_contact', 15], ['in_validation', 5], ['closed', 15]];
const olderOutcomes: readonly (readonly [Outcome, number])[] = [['closed', 90], ['waiting_contact', 5],
  ['in_validation', 0.6], ['todo', 1.6], ['todo_bis', 1.4], ['contact_replied', 1.4]];

interface CasePlan {
  index: number;
  number: string;
  received: number;
  queue: LargeOrganisation['queues'][DemoQueueKey];
  state: CaseState;
  agent: { id: number; displayName: string } | undefined;
  contact: LargeContact;
  text: CaseText;
  steps: TimelineStep[];
}

/** Writes case `index` (0-based, oldest first) with its messages, history and held draft. */
export function caseWriter(sqlite: BetterSqlite3.Database, options: CaseWriterOptions): (index: number) => void {
  const { random, organisation: org, now } = options;
  const insert = {
    case: preparedInserter(sqlite, cases),
    message: preparedInserter(sqlite, messages),
    history: preparedInserter(sqlite, history),
    draft: preparedInserter(sqlite, drafts),
  };

  function plan(index: number): CasePlan {
    // Evenly over the year, by three: mail arrives by syncs, and cases received at the same instant
    // are what keyset paging must get right.
    const slot = Math.floor((3 * span) / options.count);
    const received = now - span + Math.floor(index / 3) * slot;
    const queueKey: DemoQueueKey = random.chance(0.7) ? 'service' : 'complaints';
    const queue = org.queues[queueKey];
    const outcome = random.weighted(now - received < recent ? recentOutcomes : olderOutcomes);
    const assignee = outcome === 'waiting_in_queue' ? undefined : pickTaker(random, queue.members);
    const state: CaseState = outcome === 'waiting_in_queue' ? 'todo' : outcome;
    const contact = random.pick(options.contacts);
    const refs = { order: `CMD-${random.digits(6)}`, contract: `CT-20${20 + random.below(6)}-${random.digits(5)}` };
    const text = caseText(random, refs, fullName(contact));
    const steps = caseTimeline({ ...text, contact: '', queue: queueKey, state, assignee, receivedHoursAgo: 0 });
    const number = String(options.firstNumber + index).padStart(6, '0');
    const agent = assignee ? org.agents[assignee] : undefined;
    return { index, number, received, queue, state, agent, contact, text, steps };
  }

  function writeCase(p: CasePlan, at: (step: number) => string): number {
    const closing = p.state === 'closed' || p.state === 'waiting_contact' || p.state === 'in_validation';
    const qualified = random.chance(closing ? 0.85 : 0.3);
    return insert.case({
      number: p.number, subject: p.text.subject, state: p.state, queueId: p.queue.id, assigneeId: p.agent?.id ?? null,
      formId: org.emailFormId, contactId: p.contact.id,
      qualificationId: qualified ? (org.qualificationIds.get(p.text.qualification) ?? null) : null,
      questionHtml: textToHtml(p.text.question), questionText: p.text.question,
      unread: !p.agent || p.state === 'contact_replied' || random.chance(0.03),
      closedById: p.state === 'closed' ? (p.agent?.id ?? null) : null,
      createdAt: at(0), updatedAt: at(p.steps.length - 1), receivedAt: at(0), version: p.steps.length,
    });
  }

  /** The first message, then what each step of the timeline left: history, replies, answer, draft. */
  function writeThread(p: CasePlan, ctx: ThreadContext, at: (step: number) => string): void {
    insert.message(firstMessage(ctx, p.text.question, at(0)));
    let sent = 1;
    p.steps.forEach((step, i) => {
      const by = step.by ? org.agents[step.by].id : null;
      insert.history({ caseId: ctx.caseId, agentId: by, action: step.action, stateBefore: step.before, stateAfter: step.after, at: at(i) });
      if (step.reply && by) insert.message(replyMessage(ctx, ++sent, replyText(step.reply, ctx), at(i), by));
      if (step.contactMessage) {
        const answer = contactAnswerText(p.index, p.contact.clientNumber, fullName(p.contact));
        insert.message(contactAnswer(ctx, ++sent, answer, at(i)));
      }
      if (step.heldReply && by) insert.draft(heldDraft(ctx, by, at(i)));
    });
  }

  return (index) => {
    const p = plan(index);
    // Steps an hour or two apart, never past `now`.
    const stepMs = Math.min(2 * 60 * minute, (now - p.received) / (p.steps.length + 1));
    const at = (step: number) => new Date(p.received + step * stepMs).toISOString();
    const caseId = writeCase(p, at);
    writeThread(p, threadContext(p, caseId), at);
  };
}

function threadContext(p: CasePlan, caseId: number): ThreadContext {
  const { contact } = p;
  return {
    caseId,
    number: p.number,
    subject: p.text.subject,
    contact: {
      name: fullName(contact),
      address: contact.email,
      civility: contact.civility,
      lastName: contact.lastName,
    },
    centre: { name: p.queue.name, address: p.queue.address },
    agentName: p.agent?.displayName ?? '',
  };
}

const fullName = (contact: LargeContact) => `${contact.firstName} ${contact.lastName}`;

function pickTaker(random: Random, members: readonly DemoAgentKey[]): DemoAgentKey {
  return random.weighted(takers.filter(([key]) => members.includes(key)));
}

/** PRODUCT.md: the reply held for validation is the case's draft, which the supervisor approves. */
function heldDraft(ctx: ThreadContext, savedById: number, savedAt: string): typeof drafts.$inferInsert {
  const to = [{ name: ctx.contact.name, address: ctx.contact.address }];
  return { caseId: ctx.caseId, html: textToHtml(replyText('close', ctx)), to, cc: [], bcc: [], attachmentIds: [], savedById, savedAt };
}
