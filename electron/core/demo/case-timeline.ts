import type { CaseState } from '../../../shared/domain/case-state';
import type { DemoCase } from './demo-cases';
import type { DemoAgentKey } from './demo-data';

export type ReplyKind = 'keep_open' | 'wait' | 'close';

/** One entry of a demo case's history, with what it left behind (a reply, a message, a draft). */
export interface TimelineStep {
  action: string;
  by: DemoAgentKey | null;
  before: CaseState | null;
  after: CaseState;
  /** A reply was sent to the contact. */
  reply?: ReplyKind;
  /** The contact's answer arrived. */
  contactMessage?: boolean;
  /** A reply was written but held: it is the case's draft. */
  heldReply?: boolean;
  comment?: string;
}

type Move = Omit<TimelineStep, 'before'>;

/**
 * The actions that brought a demo case to its state, in PRODUCT.md's transitions: received, taken,
 * then what its state implies.
 */
export function caseTimeline(demo: DemoCase): TimelineStep[] {
  const moves: Move[] = [{ action: 'received', by: null, after: 'todo' }];
  const agent = demo.assignee;
  if (agent) moves.push({ action: 'take', by: agent, after: 'todo' }, ...movesToState(demo, agent));
  return moves.map((move, i) => ({ ...move, before: i === 0 ? null : (moves[i - 1] as Move).after }));
}

function movesToState(demo: DemoCase, agent: DemoAgentKey): Move[] {
  switch (demo.state) {
    case 'todo':
      return demo.rejectedWith ? rejected(agent, demo.rejectedWith) : [];
    case 'todo_bis':
      return [{ action: 'reply_keep_open', by: agent, after: 'todo_bis', reply: 'keep_open' }];
    case 'waiting_contact':
      return [{ action: 'reply_and_wait', by: agent, after: 'waiting_contact', reply: 'wait' }];
    case 'contact_replied':
      return [
        { action: 'reply_and_wait', by: agent, after: 'waiting_contact', reply: 'wait' },
        { action: 'message_received', by: null, after: 'contact_replied', contactMessage: true },
      ];
    case 'in_validation':
      return [{ action: 'submit_for_validation', by: agent, after: 'in_validation', heldReply: true }];
    case 'closed':
      return [{ action: 'reply_and_close', by: agent, after: 'closed', reply: 'close' }];
  }
}

/** PRODUCT.md: a refused reply goes back to the agent as `todo`, draft kept, comment in the notepad. */
function rejected(agent: DemoAgentKey, comment: string): Move[] {
  return [
    { action: 'submit_for_validation', by: agent, after: 'in_validation', heldReply: true },
    { action: 'reject', by: 'sophie', after: 'todo', comment },
  ];
}
