import { z } from 'zod';
import { call } from './define';
import { agentSummarySchema, signInInputSchema } from '../domain/agent';
import { deskPageSchema, deskQuerySchema, queueSummarySchema } from '../domain/desk';

const none = z.object({}).strict();

/**
 * Every call the renderer can make, in one place. The wire name of a call is `namespace.method`
 * (see `callNames`); nothing else in the product spells a channel name.
 */
export const calls = {
  app: {
    info: call(
      none,
      z.object({ version: z.string(), demo: z.boolean(), dataDir: z.string() }),
      'public',
    ),
  },
  session: {
    agents: call(none, z.array(agentSummarySchema), 'public'),
    signIn: call(signInInputSchema, agentSummarySchema, 'public'),
    current: call(none, agentSummarySchema.nullable(), 'public'),
    signOut: call(none, z.null(), 'public'),
  },
  desk: {
    list: call(deskQuerySchema, deskPageSchema),
    queues: call(none, z.array(queueSummarySchema)),
  },
} as const;

export type Calls = typeof calls;
