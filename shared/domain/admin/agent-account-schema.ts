import { z } from 'zod';
import { roleSchema } from '../agent';
import { optionalEmail } from '../field-rules';
import { grantableRights } from '../rights';
import { entityId, nameRule } from './admin-fields';

export const agentAccountMessages = {
  loginRequired: 'L’identifiant est obligatoire.',
  loginFormat: 'Identifiant : 2 à 50 caractères parmi lettres minuscules, chiffres, point, tiret et souligné.',
  loginTaken: 'Cet identifiant est déjà utilisé.',
  nameRequired: 'Le nom affiché est obligatoire.',
  passwordShort: 'Le mot de passe doit compter au moins 8 caractères.',
  duplicateGrant: 'Un droit figure deux fois.',
  lastAdministrator: 'Il doit rester au moins un administrateur actif.',
} as const;

/** Lower-cased on the way in: `Camille.Martin` and `camille.martin` are one login. */
export const loginRule = z
  .string({ error: agentAccountMessages.loginRequired })
  .trim()
  .toLowerCase()
  .min(1, { error: agentAccountMessages.loginRequired })
  .regex(/^[a-z0-9._-]{2,50}$/, { error: agentAccountMessages.loginFormat });

/** 200: scrypt takes any length, but a pasted novel is a mistake. NFC applies when hashing. */
export const passwordRule = z
  .string({ error: agentAccountMessages.passwordShort })
  .min(8, { error: agentAccountMessages.passwordShort })
  .max(200, { error: '200 caractères au maximum.' });

const accountFields = z.object({
  login: loginRule,
  displayName: nameRule(agentAccountMessages.nameRequired),
  role: roleSchema,
  email: optionalEmail,
  /** Rights beyond the role (see shared/domain/rights.ts). */
  grants: z
    .array(z.enum(grantableRights))
    .refine((grants) => new Set(grants).size === grants.length, { error: agentAccountMessages.duplicateGrant })
    .default([]),
  /** HTML or plain text; the core keeps only safe HTML (plain text becomes paragraphs). */
  signatureHtml: z.string().max(20_000, { error: '20 000 caractères au maximum.' }).default(''),
  active: z.boolean().default(true),
});

export const agentCreateSchema = accountFields.extend({ password: passwordRule });
export type AgentCreateInput = z.input<typeof agentCreateSchema>;

/** The password changes only through `setAgentPassword`: an update never carries it. */
export const agentUpdateSchema = accountFields.extend({ id: entityId });
export type AgentUpdateInput = z.input<typeof agentUpdateSchema>;

export const agentPasswordSchema = z.object({ id: entityId, password: passwordRule });

/** What the administration screens see of an agent: never the password hash. */
export const agentAccountSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  displayName: z.string(),
  role: roleSchema,
  email: z.string().nullable(),
  grants: z.array(z.enum(grantableRights)),
  signatureHtml: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  queueIds: z.array(z.number().int()),
});
export type AgentAccount = z.infer<typeof agentAccountSchema>;
