import { z } from 'zod';

export const roles = ['agent', 'supervisor', 'administrator'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const agentSummarySchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  role: roleSchema,
});
export type AgentSummary = z.infer<typeof agentSummarySchema>;

/** Logins are stored lower-cased (see the account schema): `Camille.Martin` signs in as `camille.martin`. */
export const signInInputSchema = z.object({
  login: z
    .string({ error: 'Saisissez votre identifiant.' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'Saisissez votre identifiant.' })
    .max(100, { error: 'Identifiant trop long.' }),
  password: z.string({ error: 'Saisissez votre mot de passe.' }).min(1, { error: 'Saisissez votre mot de passe.' }).max(200),
});
export type SignInInput = z.input<typeof signInInputSchema>;

/** An account of the demo centre, listed on its sign-in screen (a real centre lists none). */
export const demoAccountSchema = agentSummarySchema.extend({ login: z.string() });
export type DemoAccount = z.infer<typeof demoAccountSchema>;
