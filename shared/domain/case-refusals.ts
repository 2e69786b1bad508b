import { caseActionLabels, caseStateLabels, type CaseAction, type CaseOrigin } from './case-actions';
import type { CommandCondition, FactCondition } from './case-transitions';

/** Why the case machine refuses an action: stable codes for the screens, French text for people. */
export const refusalCodes = [
  'disabled_by_administrator',
  'not_allowed_from_state',
  'not_assignee',
  'already_assigned',
  'supervisor_only',
  'pull_queue_only',
  'missing_reply',
  'missing_recipient',
  'missing_comment',
  'missing_target_agent',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export interface Refusal {
  readonly ok: false;
  readonly reason: RefusalCode;
  readonly message: string;
}

const refuse = (reason: RefusalCode, message: string): Refusal => ({ ok: false, reason, message });

const quoted = (action: CaseAction) => `« ${caseActionLabels[action]} »`;

export function disabledByAdministrator(action: CaseAction): Refusal {
  return refuse('disabled_by_administrator', `L'action ${quoted(action)} a été désactivée par l'administrateur.`);
}

export function notAllowedFrom(action: CaseAction, origin: CaseOrigin): Refusal {
  const where =
    origin === 'creation'
      ? "à la création d'un dossier"
      : `pour un dossier à l'état « ${caseStateLabels[origin]} »`;
  return refuse('not_allowed_from_state', `L'action ${quoted(action)} n'est pas possible ${where}.`);
}

/** `assigneeId` and `actorId` tell "someone else has it" from "it is still in its queue". */
export function factRefusal(
  condition: FactCondition,
  action: CaseAction,
  assigneeId: number | null,
  actorId: number,
): Refusal {
  switch (condition) {
    case 'assignee_or_supervisor':
      return refuse(
        'not_assignee',
        assigneeId === null
          ? "Ce dossier attend dans sa file : prenez-le en charge avant d'agir dessus."
          : 'Ce dossier est affecté à un autre agent : seuls cet agent et les superviseurs peuvent agir dessus.',
      );
    case 'unassigned_only':
      return refuse(
        'already_assigned',
        assigneeId === actorId
          ? 'Ce dossier vous est déjà affecté.'
          : 'Ce dossier est déjà pris en charge par un autre agent.',
      );
    case 'supervisor_only':
      return refuse('supervisor_only', `Seul un superviseur peut effectuer l'action ${quoted(action)}.`);
    case 'pull_queue_only':
      return refuse('pull_queue_only', `${caseActionLabels[action]} n'est possible que pour une file en mode pull.`);
  }
}

export function commandRefusal(condition: CommandCondition, action: CaseAction): Refusal {
  switch (condition) {
    case 'needs_reply':
      return refuse('missing_reply', `Rédigez la réponse : l'action ${quoted(action)} en a besoin.`);
    case 'needs_recipient':
      return refuse('missing_recipient', "Indiquez l'adresse e-mail à laquelle envoyer la réponse.");
    case 'needs_comment':
      return refuse(
        'missing_comment',
        'Le commentaire est obligatoire pour refuser une réponse : il est ajouté au bloc-notes.',
      );
    case 'needs_target_agent':
      return refuse('missing_target_agent', "Choisissez l'agent à qui confier le dossier.");
  }
}
