import type { EventBus } from '../../event-bus';
import type { Notifier } from '../../ports';
import type { Claim, FailedReply } from './outbox-rows';

/**
 * PRODUCT.md "Replying": a reply that finally fails comes back to its agent visibly, never silently:
 * an event for the open windows (the case shows the failed delivery through `messages.outbox_id`)
 * and a desktop notification, which reaches the agent even when the case is not on screen.
 */
export function announceFailure(
  ports: { events: EventBus; notifier: Notifier },
  claim: Pick<Claim, 'id' | 'agentId'>,
  failed: FailedReply,
  reason: string,
): void {
  ports.events.emit('outbox.failed', { caseId: failed.caseId, outboxId: claim.id, agentId: claim.agentId, reason });
  // Automatic messages (acknowledgements, waiting messages) have nobody to tell.
  if (claim.agentId !== null) {
    ports.notifier.notify('Réponse non envoyée', `Dossier ${failed.caseNumber} : ${reason}.`);
  }
}

/** The reply left, but not to everyone: its agent should know who did not get it. */
export function announcePartialDelivery(notifier: Notifier, claim: Pick<Claim, 'agentId' | 'mail'>, note: string): void {
  if (claim.agentId !== null) notifier.notify('Réponse envoyée en partie', `« ${claim.mail.subject} » : ${note}.`);
}
