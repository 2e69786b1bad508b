import type { Role } from './agent';

/**
 * PRODUCT.md "Roles": what each role may do, checked by the core whatever the screens offered. One table,
 * so that "who may do X" has one answer.
 */
export const rights = [
  /** Take, answer, close cases: the work of agents and supervisors. */
  'handle_cases',
  /** Edit the To of a reply (PRODUCT.md "Replying": only agents with the right). */
  'change_recipient',
  /** Every agent's desks and every queue. */
  'view_all_desks',
  /** The Validation desk: approve or reject held replies. */
  'validate_replies',
  /** Hand an open case to another agent than oneself. */
  'reassign',
  'merge_cases',
  /** The mail the sync could not file: see it, download, retry, make a case of it, delete it. */
  'manage_quarantine',
  /** Queues, forms, qualifications, templates, rules, agents, settings. */
  'administer',
] as const;
export type Right = (typeof rights)[number];

/** Rights an administrator may give one agent beyond their role (one column of `agents` each). */
export const grantableRights = ['change_recipient'] as const satisfies readonly Right[];
export type GrantableRight = (typeof grantableRights)[number];

const agentRights: readonly Right[] = ['handle_cases'];

/**
 * Supervisors do everything an agent does, plus theirs. Administrators configure, and look after
 * the mail the sync could not file (often a configuration matter), but nothing else: PRODUCT.md lists
 * them apart, so an administrator handles no case and sees no desk unless they also have an agent
 * or supervisor account.
 */
export const roleRights: Readonly<Record<Role, readonly Right[]>> = {
  agent: agentRights,
  supervisor: [...agentRights, 'change_recipient', 'view_all_desks', 'validate_replies', 'reassign', 'merge_cases', 'manage_quarantine'],
  administrator: ['administer', 'manage_quarantine'],
};

/** Whoever a right is asked about: a role, and the grants of their agent row when known. */
export interface RightsHolder {
  role: Role;
  grants?: readonly GrantableRight[];
}

export function can(holder: RightsHolder, right: Right): boolean {
  if (roleRights[holder.role].includes(right)) return true;
  return (holder.grants ?? []).some((grant) => grant === right);
}

/** French labels for the administration screens and refusal messages. */
export const rightLabels: Readonly<Record<Right, string>> = {
  handle_cases: 'Traiter les dossiers',
  change_recipient: 'Modifier le destinataire d’une réponse',
  view_all_desks: 'Voir les bureaux de tous les agents',
  validate_replies: 'Valider les réponses',
  reassign: 'Réaffecter un dossier',
  merge_cases: 'Fusionner des dossiers',
  manage_quarantine: 'Traiter les e-mails en quarantaine',
  administer: 'Administrer le centre',
};
