import { z } from 'zod';
import { call, none } from '../define';
import { events } from '../events';

/** One active mailbox and its last `sync.status`; null until its sync said anything since start. */
export const mailboxSyncSchema = z.object({
  mailboxId: z.number().int(),
  name: z.string(),
  address: z.string(),
  status: events['sync.status'].nullable(),
});
export type MailboxSync = z.infer<typeof mailboxSyncSchema>;

/**
 * Mail sync as the header shows it. Events only tell what changes: a window opened after the last
 * change asks here for where each mailbox stands, then follows the `sync.status` events.
 */
export const syncCalls = {
  current: call(none, z.array(mailboxSyncSchema)),
};
