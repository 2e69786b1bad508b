import { z } from 'zod';
import { agentSummarySchema, demoAccountSchema, signInInputSchema } from '../../domain/agent';
import { call, none } from '../define';

/**
 * Signing in and out. `agents` lists the accounts only on the demo centre, where the screen shows
 * them with the demo password; a real centre's screen asks for a login and lists nobody.
 * `signIn` answers a wrong login and a wrong password with the same refusal.
 */
export const sessionCalls = {
  agents: call(none, z.array(demoAccountSchema), 'public'),
  signIn: call(signInInputSchema, agentSummarySchema, 'public'),
  current: call(none, agentSummarySchema.nullable(), 'public'),
  signOut: call(none, z.null(), 'public'),
  /** Ends every session of the signed-in agent, this one included; the others hear `session.ended`. */
  signOutEverywhere: call(none, z.null()),
  /** The centre's active agents and supervisors: a supervisor's desk picker, the reassign list. */
  colleagues: call(none, z.array(agentSummarySchema)),
};
