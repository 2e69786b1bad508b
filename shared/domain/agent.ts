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

export const signInInputSchema = z.object({
  agentId: z.number().int().positive({ error: 'Choisissez un agent.' }),
  password: z.string().min(1, { error: 'Saisissez votre mot de passe.' }).max(200),
});
