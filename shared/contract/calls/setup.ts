import { agentSummarySchema } from '../../domain/agent';
import { checklistSchema, createCentreSchema, setupStatusSchema } from '../../domain/setup-schema';
import { call, none } from '../define';

/**
 * The first start (issue 13). `status` answers anyone; `loadDemo` and `createCentre` are public
 * because nobody can sign in yet, and refused as soon as the centre has any agent: the first to
 * choose wins, and neither can be used later to reset a centre or add an administrator.
 */
export const setupCalls = {
  status: call(none, setupStatusSchema, 'public'),
  loadDemo: call(none, setupStatusSchema, 'public'),
  /** Creates the centre and its first administrator, and signs this connection in as them. */
  createCentre: call(createCentreSchema, agentSummarySchema, 'public'),
  /** The administration home's checklist; administrators only. */
  checklist: call(none, checklistSchema),
};
