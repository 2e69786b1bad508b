import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  caseActions,
  decide,
  deskOf,
  type CaseAction,
  type CaseActor,
  type CaseCommand,
  type CaseFacts,
  type Decision,
} from '../../shared/domain/case-machine';
import type { Distribution } from '../../shared/domain/case-state';

// The actors of every row: the case's agent (id 1 when the case has one), a colleague, a supervisor.
const agent: CaseActor = { id: 1, role: 'agent' };
const colleague: CaseActor = { id: 2, role: 'agent' };
const supervisor: CaseActor = { id: 9, role: 'supervisor' };
const actors = [agent, colleague, supervisor] as const;
const target = 3;

const scenarios = {
  creation: { state: 'creation', assigneeId: null },
  queue: { state: 'todo', assigneeId: null },
  todo: { state: 'todo', assigneeId: 1 },
  todo_bis: { state: 'todo_bis', assigneeId: 1 },
  contact_replied: { state: 'contact_replied', assigneeId: 1 },
  waiting_contact: { state: 'waiting_contact', assigneeId: 1 },
  in_validation: { state: 'in_validation', assigneeId: 1 },
  closed: { state: 'closed', assigneeId: 1 },
} as const;
type Scenario = keyof typeof scenarios;

const facts = (scenario: Scenario, queueMode: Distribution = 'pull'): CaseFacts =>
  ({ ...scenarios[scenario], queueMode }) as CaseFacts;

/** A command with everything any action may need: only state, role and queue can refuse it. */
const complete = (action: CaseAction): CaseCommand => ({
  action,
  targetAgentId: target,
  reply: { hasBody: true, hasRecipient: true },
  comment: 'Merci de vérifier le montant.',
});

/**
 * Expected outcome per actor [case's agent, colleague, supervisor], written from the table of PRODUCT.md and
 * not from the machine: "state desk assignee" ("-" for none), or "✗ reason".
 */
type Triple = readonly [string, string, string];
const X = '✗ not_allowed_from_state';
const NA = '✗ not_assignee';
const AA = '✗ already_assigned';
const SO = '✗ supervisor_only';
const none: Triple = [X, X, X];
const ownerOrSupervisor = (outcome: string): Triple => [outcome, NA, outcome];
const supervisorOnly = (outcome: string): Triple => [NA, NA, outcome];
const eachActor = (outcome: string): Triple => [`${outcome} 1`, `${outcome} 2`, `${outcome} 9`];

const expected: Record<Scenario, Record<CaseAction, Triple>> = {
  creation: {
    take: none,
    save_draft: none,
    submit_for_validation: none,
    approve: none,
    reject: none,
    reply_keep_open: eachActor('todo_bis in_progress'),
    reply_and_wait: eachActor('waiting_contact processed'),
    reply_and_close: eachActor('closed processed'),
    close: eachActor('closed processed'),
    assign_to_agent: ['todo in_progress 3', 'todo in_progress 3', 'todo in_progress 3'],
    assign_to_me: eachActor('todo in_progress'),
  },
  queue: {
    take: eachActor('todo in_progress'),
    save_draft: supervisorOnly('todo queue -'),
    submit_for_validation: supervisorOnly('in_validation validation 9'),
    approve: none,
    reject: none,
    reply_keep_open: supervisorOnly('todo_bis in_progress 9'),
    reply_and_wait: supervisorOnly('waiting_contact processed 9'),
    reply_and_close: supervisorOnly('closed processed 9'),
    close: supervisorOnly('closed processed 9'),
    assign_to_agent: supervisorOnly('todo in_progress 3'),
    assign_to_me: eachActor('todo in_progress'),
  },
  todo: {
    take: [AA, AA, AA],
    save_draft: ownerOrSupervisor('todo in_progress 1'),
    submit_for_validation: ownerOrSupervisor('in_validation validation 1'),
    approve: none,
    reject: none,
    reply_keep_open: ownerOrSupervisor('todo_bis in_progress 1'),
    reply_and_wait: ownerOrSupervisor('waiting_contact processed 1'),
    reply_and_close: ownerOrSupervisor('closed processed 1'),
    close: ownerOrSupervisor('closed processed 1'),
    assign_to_agent: ownerOrSupervisor('todo in_progress 3'),
    assign_to_me: [AA, AA, AA],
  },
  todo_bis: {
    take: none,
    save_draft: ownerOrSupervisor('todo_bis in_progress 1'),
    submit_for_validation: ownerOrSupervisor('in_validation validation 1'),
    approve: none,
    reject: none,
    reply_keep_open: ownerOrSupervisor('todo_bis in_progress 1'),
    reply_and_wait: ownerOrSupervisor('waiting_contact processed 1'),
    reply_and_close: ownerOrSupervisor('closed processed 1'),
    close: ownerOrSupervisor('closed processed 1'),
    assign_to_agent: ownerOrSupervisor('todo in_progress 3'),
    assign_to_me: none,
  },
  contact_replied: {
    take: none,
    save_draft: ownerOrSupervisor('contact_replied in_progress 1'),
    submit_for_validation: ownerOrSupervisor('in_validation validation 1'),
    approve: none,
    reject: none,
    reply_keep_open: ownerOrSupervisor('todo_bis in_progress 1'),
    reply_and_wait: ownerOrSupervisor('waiting_contact processed 1'),
    reply_and_close: ownerOrSupervisor('closed processed 1'),
    close: ownerOrSupervisor('closed processed 1'),
    assign_to_agent: ownerOrSupervisor('todo in_progress 3'),
    assign_to_me: none,
  },
  waiting_contact: {
    take: none,
    save_draft: none,
    submit_for_validation: none,
    approve: none,
    reject: none,
    reply_keep_open: none,
    reply_and_wait: none,
    reply_and_close: none,
    close: none,
    assign_to_agent: none,
    assign_to_me: none,
  },
  in_validation: {
    take: none,
    save_draft: none,
    submit_for_validation: none,
    approve: [SO, SO, 'closed processed 1'],
    reject: [SO, SO, 'todo in_progress 1'],
    reply_keep_open: none,
    reply_and_wait: none,
    reply_and_close: none,
    close: none,
    assign_to_agent: none,
    assign_to_me: none,
  },
  closed: {
    take: none,
    save_draft: none,
    submit_for_validation: none,
    approve: none,
    reject: none,
    reply_keep_open: none,
    reply_and_wait: none,
    reply_and_close: none,
    close: none,
    assign_to_agent: none,
    assign_to_me: none,
  },
};

const summary = (decision: Decision): string =>
  decision.ok
    ? `${decision.next.state} ${decision.next.desk} ${decision.next.assignee ?? '-'}`
    : `✗ ${decision.reason}`;

const pairs = (Object.keys(expected) as Scenario[]).flatMap((scenario) =>
  caseActions.map((action) => [scenario, action] as const),
);

describe('decide: every (origin × action) pair, for the agent, a colleague and a supervisor', () => {
  it('covers every state, creation and every action', () => {
    expect(pairs).toHaveLength(8 * 11);
  });

  it.each(pairs)('%s × %s', (scenario, action) => {
    const outcomes = actors.map((actor) => summary(decide(facts(scenario), complete(action), actor)));
    expect(outcomes).toEqual(expected[scenario][action]);
  });

  it('lists every accepted case on the desk its state and agent imply', () => {
    for (const [scenario, action] of pairs) {
      for (const actor of actors) {
        const decision = decide(facts(scenario), complete(action), actor);
        if (decision.ok) expect(decision.next.desk).toBe(deskOf(decision.next.state, decision.next.assignee));
      }
    }
  });

  it('treats an administrator like an agent on cases', () => {
    const administrator: CaseActor = { id: 7, role: 'administrator' };
    expect(summary(decide(facts('in_validation'), complete('approve'), administrator))).toBe(SO);
    expect(summary(decide(facts('todo'), complete('close'), administrator))).toBe(NA);
  });
});

describe('decide: queue mode', () => {
  const message = "Répondre sans clore n'est possible que pour une file en mode pull.";

  it.each(['creation', 'todo', 'todo_bis', 'contact_replied'] as const)(
    'refuses Répondre sans clore on %s in a push queue',
    (scenario) => {
      const decision = decide(facts(scenario, 'push'), complete('reply_keep_open'), agent);
      expect(decision).toEqual({ ok: false, reason: 'pull_queue_only', message });
    },
  );

  it('lets every other action work the same in a push queue', () => {
    for (const [scenario, action] of pairs.filter(([, a]) => a !== 'reply_keep_open')) {
      for (const actor of actors) {
        const push = summary(decide(facts(scenario, 'push'), complete(action), actor));
        expect(push, `${scenario} × ${action}`).toBe(summary(decide(facts(scenario), complete(action), actor)));
      }
    }
  });

  it('takes from a push queue (the agent accepts the offer) as from a pull queue', () => {
    expect(summary(decide(facts('queue', 'push'), { action: 'take' }, colleague))).toBe('todo in_progress 2');
  });
});

describe('decide: what the command must carry', () => {
  const replies = ['submit_for_validation', 'reply_keep_open', 'reply_and_wait', 'reply_and_close'] as const;

  it.each(replies)('%s needs a reply body, then a recipient', (action) => {
    const withoutReply = decide(facts('todo'), { action }, agent);
    expect(withoutReply).toMatchObject({ ok: false, reason: 'missing_reply' });
    const empty = decide(facts('todo'), { action, reply: { hasBody: false, hasRecipient: true } }, agent);
    expect(empty).toMatchObject({ ok: false, reason: 'missing_reply' });
    const noRecipient = decide(facts('todo'), { action, reply: { hasBody: true, hasRecipient: false } }, agent);
    expect(noRecipient).toEqual({
      ok: false,
      reason: 'missing_recipient',
      message: "Indiquez l'adresse e-mail à laquelle envoyer la réponse.",
    });
  });

  it('names the action when the reply is missing', () => {
    expect(decide(facts('creation'), { action: 'reply_and_close' }, agent)).toEqual({
      ok: false,
      reason: 'missing_reply',
      message: "Rédigez la réponse : l'action « Répondre et clore » en a besoin.",
    });
  });

  it('saves a draft, closes and approves without a reply in the command', () => {
    expect(decide(facts('todo'), { action: 'save_draft' }, agent).ok).toBe(true);
    expect(decide(facts('creation'), { action: 'close' }, agent).ok).toBe(true);
    expect(decide(facts('in_validation'), { action: 'approve' }, supervisor).ok).toBe(true);
  });

  it.each([undefined, '', '   '])('refuses a rejection with comment %j', (comment) => {
    const command: CaseCommand = comment === undefined ? { action: 'reject' } : { action: 'reject', comment };
    expect(decide(facts('in_validation'), command, supervisor)).toEqual({
      ok: false,
      reason: 'missing_comment',
      message: 'Le commentaire est obligatoire pour refuser une réponse : il est ajouté au bloc-notes.',
    });
  });

  it('refuses an assignment without a target agent', () => {
    expect(decide(facts('todo'), { action: 'assign_to_agent' }, agent)).toEqual({
      ok: false,
      reason: 'missing_target_agent',
      message: "Choisissez l'agent à qui confier le dossier.",
    });
    expect(decide(facts('todo'), { action: 'assign_to_agent', targetAgentId: 0 }, agent)).toMatchObject({
      reason: 'missing_target_agent',
    });
  });

  it('checks the state and the actor before the command', () => {
    expect(decide(facts('closed'), { action: 'reply_and_close' }, agent)).toMatchObject({
      reason: 'not_allowed_from_state',
    });
    expect(decide(facts('todo'), { action: 'reply_and_close' }, colleague)).toMatchObject({ reason: 'not_assignee' });
  });
});

describe('decide: approval choice and effects', () => {
  it('closes by default and waits for the contact when the supervisor chooses it', () => {
    const waiting = decide(facts('in_validation'), { action: 'approve', approveAs: 'waiting_contact' }, supervisor);
    expect(summary(waiting)).toBe('waiting_contact processed 1');
    const closed = decide(facts('in_validation'), { action: 'approve', approveAs: 'closed' }, supervisor);
    expect(summary(closed)).toBe('closed processed 1');
  });

  const quiet = { sendsReply: false, draft: 'keep', notepadComment: null };
  const sent = { sendsReply: true, draft: 'clear', notepadComment: null };
  const effects: Record<CaseAction, [Scenario, CaseActor, object]> = {
    take: ['queue', agent, quiet],
    save_draft: ['todo', agent, { ...quiet, draft: 'save' }],
    submit_for_validation: ['todo', agent, { ...quiet, draft: 'save' }],
    approve: ['in_validation', supervisor, sent],
    reject: ['in_validation', supervisor, { ...quiet, notepadComment: 'Merci de vérifier le montant.' }],
    reply_keep_open: ['todo', agent, sent],
    reply_and_wait: ['contact_replied', agent, sent],
    reply_and_close: ['todo_bis', agent, sent],
    close: ['todo', agent, quiet],
    assign_to_agent: ['todo', agent, quiet],
    assign_to_me: ['creation', agent, quiet],
  };

  it.each(caseActions)('%s has the expected effects', (action) => {
    const [scenario, actor, expectedEffects] = effects[action];
    const decision = decide(facts(scenario), complete(action), actor);
    expect(decision.ok && decision.effects).toEqual(expectedEffects);
  });

  it('writes the rejection comment trimmed into the notepad', () => {
    const decision = decide(facts('in_validation'), { action: 'reject', comment: '  Montant faux.\n' }, supervisor);
    expect(decision.ok && decision.effects.notepadComment).toBe('Montant faux.');
  });
});

describe('decide: the administrator’s allowed actions and the messages', () => {
  const withoutClose = new Set(caseActions.filter((action) => action !== 'close'));

  it('refuses an action the administrator disabled, before anything else', () => {
    expect(decide(facts('closed'), { action: 'close' }, agent, withoutClose)).toEqual({
      ok: false,
      reason: 'disabled_by_administrator',
      message: "L'action « Clore » a été désactivée par l'administrateur.",
    });
    expect(decide(facts('todo'), { action: 'reply_and_close' }, agent, withoutClose).ok).toBe(false);
    expect(decide(facts('todo'), complete('reply_and_close'), agent, withoutClose).ok).toBe(true);
  });

  it('says which state or creation refuses the action', () => {
    expect(decide(facts('waiting_contact'), { action: 'close' }, agent)).toMatchObject({
      message: "L'action « Clore » n'est pas possible pour un dossier à l'état « Attente contact ».",
    });
    expect(decide(facts('creation'), { action: 'save_draft' }, agent)).toMatchObject({
      message: "L'action « Brouillon » n'est pas possible à la création d'un dossier.",
    });
  });

  it('tells a queue case from a colleague’s case, and my case from someone else’s', () => {
    expect(decide(facts('queue'), { action: 'close' }, agent)).toMatchObject({
      message: "Ce dossier attend dans sa file : prenez-le en charge avant d'agir dessus.",
    });
    expect(decide(facts('todo'), { action: 'close' }, colleague)).toMatchObject({
      message: 'Ce dossier est affecté à un autre agent : seuls cet agent et les superviseurs peuvent agir dessus.',
    });
    expect(decide(facts('todo'), { action: 'take' }, agent)).toMatchObject({
      message: 'Ce dossier vous est déjà affecté.',
    });
    expect(decide(facts('todo'), { action: 'take' }, colleague)).toMatchObject({
      message: 'Ce dossier est déjà pris en charge par un autre agent.',
    });
    expect(decide(facts('in_validation'), { action: 'approve' }, agent)).toMatchObject({
      message: "Seul un superviseur peut effectuer l'action « Accepter la réponse ».",
    });
  });
});

describe('allowedActions', () => {
  const settings = [undefined, withoutOne('close'), withoutOne('take'), new Set<CaseAction>()];

  function withoutOne(action: CaseAction): ReadonlySet<CaseAction> {
    return new Set(caseActions.filter((a) => a !== action));
  }

  it('offers exactly the actions decide accepts with a complete command', () => {
    for (const scenario of Object.keys(scenarios) as Scenario[]) {
      for (const mode of ['pull', 'push'] as const) {
        for (const actor of [...actors, { id: 7, role: 'administrator' } as const]) {
          for (const enabled of settings) {
            const accepted = caseActions.filter((a) => decide(facts(scenario, mode), complete(a), actor, enabled).ok);
            expect(allowedActions(facts(scenario, mode), actor, enabled)).toEqual(accepted);
          }
        }
      }
    }
  });

  it('offers the creation form its six actions, minus Répondre sans clore for a push queue', () => {
    expect(allowedActions(facts('creation'), agent)).toEqual([
      'reply_keep_open',
      'reply_and_wait',
      'reply_and_close',
      'close',
      'assign_to_agent',
      'assign_to_me',
    ]);
    expect(allowedActions(facts('creation', 'push'), agent)).not.toContain('reply_keep_open');
  });

  it('offers a colleague nothing on my case, and a supervisor the Validation desk actions', () => {
    expect(allowedActions(facts('todo'), colleague)).toEqual([]);
    expect(allowedActions(facts('in_validation'), supervisor)).toEqual(['approve', 'reject']);
  });
});
