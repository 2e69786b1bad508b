import { appCalls } from './calls/app';
import { attachmentCalls } from './calls/attachments';
import { deskCalls } from './calls/desk';
import { sessionCalls } from './calls/session';

/**
 * Every call the renderer can make, one namespace per file under `calls/`. The wire name of a call
 * is `namespace.method` (see `callNames`); nothing else in the product spells a channel name.
 */
export const calls = {
  app: appCalls,
  session: sessionCalls,
  desk: deskCalls,
  attachments: attachmentCalls,
} as const;

export type Calls = typeof calls;
