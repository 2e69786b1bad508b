import { cases, drafts, history, messages, notepadEntries } from '../db/schema';
import type { Database } from '../db/database';
import { caseTimeline, type TimelineStep } from './case-timeline';
import { demoCases, type DemoCase } from './demo-cases';
import { demoContacts } from './demo-contacts';
import { demoAgents, demoQueues } from './demo-data';
import { contactAnswer, firstMessage, replyMessage, replyText, textToHtml, type ThreadContext } from './demo-messages';
import type { DemoOrganisation } from './seed-organisation';

type Orm = Database['orm'];

export interface CaseRefs extends DemoOrganisation {
  contactIds: Map<string, number>;
}

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Case numbers in order of arrival, as a live centre would have given them. */
export const demoCasesOldestFirst = (): DemoCase[] =>
  [...demoCases].sort((a, b) => b.receivedHoursAgo - a.receivedHoursAgo);

export const demoCaseNumber = (index: number) => String(index + 1).padStart(6, '0');

/** The twenty demo cases with their messages, history, notes and drafts. */
export function seedCases(orm: Orm, now: Date, refs: CaseRefs): void {
  demoCasesOldestFirst().forEach((demo, index) => seedCase(orm, now, refs, demo, demoCaseNumber(index)));
}

function seedCase(orm: Orm, now: Date, refs: CaseRefs, demo: DemoCase, number: string): void {
  const steps = caseTimeline(demo);
  const at = stepTimes(now, demo.receivedHoursAgo, steps.length);
  const caseId = insertCase(orm, refs, demo, number, steps, at);
  const thread: Thread = { ctx: threadContext(demo, caseId, number), messages: 1 };
  orm.insert(messages).values(firstMessage(thread.ctx, demo.question, at(0))).run();
  steps.forEach((step, i) => writeStep(orm, refs, thread, demo, step, at(i)));
  for (const note of demo.notes ?? []) {
    const createdAt = at(steps.length - 1);
    orm.insert(notepadEntries).values({ caseId, agentId: refs.agentIds[note.by], text: note.text, createdAt }).run();
  }
}

/** Steps spread evenly from the case's arrival to now, the last one still in the past. */
function stepTimes(now: Date, hoursAgo: number, count: number): (step: number) => string {
  const received = now.getTime() - hoursAgo * hour;
  return (step) => iso(received + (step * hoursAgo * hour) / count);
}

function insertCase(
  orm: Orm,
  refs: CaseRefs,
  demo: DemoCase,
  number: string,
  steps: TimelineStep[],
  at: (step: number) => string,
): number {
  const state = (steps.at(-1) as TimelineStep).after;
  const assigneeId = demo.assignee ? refs.agentIds[demo.assignee] : null;
  const row = {
    number,
    subject: demo.subject,
    state,
    queueId: refs.queueIds[demo.queue],
    assigneeId,
    formId: refs.emailFormId,
    qualificationId: demo.qualification ? lookup(refs.qualificationIds, demo.qualification) : null,
    contactId: lookup(refs.contactIds, demo.contact),
    questionHtml: textToHtml(demo.question),
    questionText: demo.question,
    unread: assigneeId === null || state === 'contact_replied',
    closedById: state === 'closed' ? assigneeId : null,
    createdAt: at(0),
    updatedAt: at(steps.length - 1),
    receivedAt: at(0),
    version: steps.length,
  };
  return orm.insert(cases).values(row).returning({ id: cases.id }).get().id;
}

interface Thread {
  ctx: ThreadContext;
  /** Messages in the thread so far: numbers the next one's Message-ID. */
  messages: number;
}

/** A history entry and what the step left: a reply, the contact's answer, a draft, a note. */
function writeStep(orm: Orm, refs: CaseRefs, thread: Thread, demo: DemoCase, step: TimelineStep, at: string): void {
  const { ctx } = thread;
  const by = step.by ? refs.agentIds[step.by] : null;
  const detail = step.comment ? { comment: step.comment } : null;
  orm.insert(history).values({
    caseId: ctx.caseId,
    agentId: by,
    action: step.action,
    stateBefore: step.before,
    stateAfter: step.after,
    at,
    detail,
  }).run();
  if (step.reply && by) {
    orm.insert(messages).values(replyMessage(ctx, ++thread.messages, replyText(step.reply, ctx), at, by)).run();
  }
  if (step.contactMessage) {
    orm.insert(messages).values(contactAnswer(ctx, ++thread.messages, demo.contactReply ?? '', at)).run();
  }
  if (step.heldReply && by) orm.insert(drafts).values(heldDraft(ctx, by, at)).run();
  if (step.comment) {
    orm.insert(notepadEntries).values({ caseId: ctx.caseId, agentId: by, text: step.comment, createdAt: at }).run();
  }
}

/** The reply held for validation, kept as the case's draft (also after a refusal). */
function heldDraft(ctx: ThreadContext, savedById: number, savedAt: string) {
  return {
    caseId: ctx.caseId,
    html: textToHtml(replyText('close', ctx)),
    to: [{ name: ctx.contact.name, address: ctx.contact.address }],
    cc: [],
    bcc: [],
    attachmentIds: [],
    savedById,
    savedAt,
  };
}

function threadContext(demo: DemoCase, caseId: number, number: string): ThreadContext {
  const contact = demoContacts.find((c) => c.key === demo.contact);
  const queue = demoQueues.find((q) => q.key === demo.queue);
  const agent = demoAgents.find((a) => a.key === demo.assignee);
  if (!contact?.email || !queue) throw new Error(`Demo case "${demo.subject}": unknown contact or queue`);
  return {
    caseId,
    number,
    subject: demo.subject,
    contact: {
      name: `${contact.firstName} ${contact.lastName}`,
      address: contact.email,
      civility: contact.civility ?? 'monsieur',
      lastName: contact.lastName,
    },
    centre: { name: queue.name, address: queue.address },
    agentName: agent?.displayName ?? '',
  };
}

function lookup(ids: Map<string, number>, key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Demo data refers to "${key}", which the seed did not create`);
  return id;
}
