import { z } from 'zod';
import { agentAccountMessages, loginRule } from './admin/agent-account-schema';
import { nameRule } from './admin/admin-fields';

/**
 * The first start of an installation (issue 13): an empty centre (no agent at all) chooses between
 * the demo centre and its own, whose first administrator is set up here. Afterwards these choices
 * are refused: nobody can load the demo or create a second "first" administrator into a centre.
 */

/** `empty`: no agent yet, the first-start choice shows; `demo`: the demo centre; `centre`: a real one. */
export const centreStates = ['empty', 'demo', 'centre'] as const;
export const setupStatusSchema = z.object({
  state: z.enum(centreStates),
  /** Given at « Créer mon centre »; null for the demo and an empty centre. */
  centreName: z.string().nullable(),
});
export type SetupStatus = z.infer<typeof setupStatusSchema>;

export const firstPasswordMinLength = 12;

export const setupMessages = {
  centreNameRequired: 'Le nom du centre est obligatoire.',
  passwordLength: `Le mot de passe doit compter au moins ${firstPasswordMinLength} caractères.`,
  passwordHasLogin: 'Le mot de passe ne doit pas contenir l’identifiant.',
  alreadySetUp: 'Ce centre est déjà en service : connectez-vous avec votre compte.',
} as const;

/**
 * The first administrator's password: long, and not built on the login (the first thing a guesser
 * tries). No default: the administrator types it, and nothing else knows it.
 */
export const createCentreSchema = z
  .object({
    centreName: nameRule(setupMessages.centreNameRequired),
    login: loginRule,
    displayName: nameRule(agentAccountMessages.nameRequired),
    password: z
      .string({ error: setupMessages.passwordLength })
      .min(firstPasswordMinLength, { error: setupMessages.passwordLength })
      .max(200, { error: '200 caractères au maximum.' }),
  })
  .superRefine((input, ctx) => {
    if (input.login.length > 0 && input.password.toLowerCase().includes(input.login)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: setupMessages.passwordHasLogin });
    }
  });
export type CreateCentreInput = z.input<typeof createCentreSchema>;
export type CreateCentre = z.output<typeof createCentreSchema>;

/**
 * The administration home's checklist for a new centre, in the order to follow; each item is done
 * when the centre's own data says so (never ticked by hand).
 */
export const checklistItems = ['mailbox', 'sendingMailbox', 'queues', 'agents', 'contacts'] as const;
export type ChecklistItem = (typeof checklistItems)[number];
export const checklistSchema = z.array(z.object({ item: z.enum(checklistItems), done: z.boolean() }));
export type Checklist = z.infer<typeof checklistSchema>;
