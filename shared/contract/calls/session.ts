import { z } from 'zod';
import { agentSummarySchema, signInInputSchema } from '../../domain/agent';
import { call, none } from '../define';

export const sessionCalls = {
  agents: call(none, z.array(agentSummarySchema), 'public'),
  signIn: call(signInInputSchema, agentSummarySchema, 'public'),
  current: call(none, agentSummarySchema.nullable(), 'public'),
  signOut: call(none, z.null(), 'public'),
};
