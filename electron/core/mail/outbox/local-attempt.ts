import type { LocalMailboxes } from '../local-mailboxes';
import { recordAccepted, type Claim } from './outbox-rows';
import { sentOutcome, spoolMessage, type AttemptDeps, type AttemptOutcome } from './send-attempt';

/**
 * The attempt for a local mailbox (local-mailboxes.ts): the same spooled bytes as for SMTP, kept
 * by the mailbox itself, then recorded as sent with its source, like any reply that left.
 */
export async function deliverLocally(deps: AttemptDeps, local: LocalMailboxes, claim: Claim): Promise<AttemptOutcome> {
  const unspooled = await spoolMessage(deps, claim);
  if (unspooled) return unspooled;
  const raw = await deps.spool.read(claim.id);
  await local.deliver({ claim, raw });
  recordAccepted(deps.db, claim.id, deps.clock.now());
  return sentOutcome(deps, claim, null, raw);
}
