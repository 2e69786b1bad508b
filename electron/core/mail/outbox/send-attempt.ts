import { createReadStream } from 'node:fs';
import type { Database } from '../../db/database';
import type { Clock, SecretStore } from '../../ports';
import type { BlobStore } from '../../storage/blob-store';
import { AttachmentUnavailable, composeMessage, envelopeOf } from './compose-message';
import { withImap } from './imap-session';
import type { MailTimeouts, MailTrust } from './mail-endpoint';
import { readMailboxConfig, type MailboxConfig } from './mailbox-config';
import { connectionReason } from './network-reasons';
import type { OutboxSpool } from './outbox-spool';
import { recordAccepted, type Claim } from './outbox-rows';
import { fileSentCopy, findSentFolder, folderHasMessage } from './sent-folder';
import { deliverOverSmtp } from './smtp-delivery';
import { DeliveryFailure, interruptedByStop } from './smtp-failures';

export interface AttemptDeps {
  db: Database;
  clock: Clock;
  secrets: SecretStore;
  dataDir: string;
  spool: OutboxSpool;
  blobs: BlobStore;
  trust: MailTrust;
  timeouts: MailTimeouts;
  /** Aborted when the worker stops: connections in progress are cut and the outcome recorded. */
  signal: AbortSignal;
}

/**
 * What one attempt came to. The worker turns it into the row's next state with its retry policy:
 * - `sent`: handed to the SMTP server and filed in Sent (or found there);
 * - `refused`: the server refused the message for good;
 * - `not_sent`: it certainly did not leave (safe to send again);
 * - `unresolved`: it may have left and the Sent folder could not tell;
 * - `unfiled`: it left, but its copy is not in Sent yet.
 */
export type AttemptOutcome =
  | { kind: 'sent'; note: string | null; raw: { storagePath: string; size: number } | null }
  | Setback<'refused'>
  | Setback<'not_sent'>
  | Setback<'unresolved'>
  | Setback<'unfiled'>;

interface Setback<K extends string> {
  kind: K;
  /** In French, for the agent and the administrator. */
  reason: string;
}

type Mailbox = { config: MailboxConfig; password: string };

/** A failure before the message could be handed over (again): what it means depends on the phase. */
function notNow(claim: Claim, reason: string): Setback<'not_sent'> | Setback<'unresolved'> | Setback<'unfiled'> {
  if (claim.phase === 'send') return { kind: 'not_sent', reason };
  return claim.phase === 'resolve' ? { kind: 'unresolved', reason } : { kind: 'unfiled', reason };
}

export async function attemptDelivery(deps: AttemptDeps, claim: Claim): Promise<AttemptOutcome> {
  // Claimed in the same batch as a row the stop interrupted: recorded untried, as it stands.
  if (deps.signal.aborted) return notNow(claim, interruptedByStop(false).reason);
  const config = readMailboxConfig(deps.db, claim.mailboxId);
  if (!config) return { kind: 'refused', reason: 'la boîte d’envoi de cette réponse n’existe plus' };
  const password = await deps.secrets.get(config.secretKey);
  if (password === null) return notNow(claim, `aucun mot de passe n’est enregistré pour la boîte ${config.address}`);
  const mailbox = { config, password };
  const unspooled = await spoolMessage(deps, claim);
  if (unspooled) return unspooled;
  if (claim.phase !== 'send') {
    const lookup = await lookInSent(deps, mailbox, claim);
    if (lookup.kind === 'present') return sentOutcome(deps, claim, null);
    if (lookup.kind !== 'absent') return lookup;
  }
  let note: string | null = null;
  if (claim.phase !== 'file') {
    const handed = await handOver(deps, mailbox, claim);
    if (handed.kind !== 'accepted') return handed;
    note = handed.note;
  }
  return fileAndFinish(deps, mailbox, claim, note);
}

/** Composes the row's message into the spool once; a file gone missing refuses it for good. */
export async function spoolMessage(deps: AttemptDeps, claim: Claim): Promise<Setback<'refused'> | null> {
  try {
    await deps.spool.ensure(claim.id, () => composeMessage(claim.mail, claim.messageId, deps.clock.now(), deps.dataDir));
    return null;
  } catch (error) {
    if (error instanceof AttachmentUnavailable) return { kind: 'refused', reason: error.message };
    throw error;
  }
}

const imapTarget = (deps: AttemptDeps, mailbox: Mailbox) => ({
  endpoint: mailbox.config.imap,
  password: mailbox.password,
  trust: deps.trust,
  timeouts: deps.timeouts,
  signal: deps.signal,
});

/** Before any resend: the only evidence SMTP leaves of a message it may have taken. */
async function lookInSent(deps: AttemptDeps, mailbox: Mailbox, claim: Claim): Promise<{ kind: 'present' } | { kind: 'absent' } | AttemptOutcome> {
  try {
    const present = await withImap(imapTarget(deps, mailbox), async (client) =>
      folderHasMessage(client, await findSentFolder(client, mailbox.config.sentFolder), claim.messageId),
    );
    return present ? { kind: 'present' } : { kind: 'absent' };
  } catch (error) {
    return notNow(claim, `vérification dans les messages envoyés impossible : ${imapReason(error, deps.signal)}`);
  }
}

/** The SMTP step; once accepted, a note on the recipients the server refused, if any. */
async function handOver(deps: AttemptDeps, mailbox: Mailbox, claim: Claim): Promise<{ kind: 'accepted'; note: string | null } | AttemptOutcome> {
  try {
    const target = { endpoint: mailbox.config.smtp, password: mailbox.password, trust: deps.trust, timeouts: deps.timeouts, signal: deps.signal };
    const accepted = await deliverOverSmtp(target, envelopeOf(claim.mail), () => createReadStream(deps.spool.fileOf(claim.id)));
    recordAccepted(deps.db, claim.id, deps.clock.now());
    const note = accepted.rejected.length > 0 ? `destinataires refusés : ${accepted.rejected.join(', ')}` : null;
    return { kind: 'accepted', note };
  } catch (error) {
    if (!(error instanceof DeliveryFailure)) return notNow(claim, connectionReason(error));
    if (error.kind === 'permanent') return { kind: 'refused', reason: error.reason };
    // A resend that fails stays to be resolved: the earlier attempt may still have gone through.
    return error.kind === 'uncertain' ? { kind: 'unresolved', reason: error.reason } : notNow(claim, error.reason);
  }
}

async function fileAndFinish(deps: AttemptDeps, mailbox: Mailbox, claim: Claim, note: string | null): Promise<AttemptOutcome> {
  const raw = await deps.spool.read(claim.id);
  try {
    await withImap(imapTarget(deps, mailbox), async (client) =>
      fileSentCopy(client, await findSentFolder(client, mailbox.config.sentFolder), claim.messageId, raw),
    );
  } catch (error) {
    return { kind: 'unfiled', reason: `copie dans les messages envoyés impossible : ${imapReason(error, deps.signal)}` };
  }
  return sentOutcome(deps, claim, note, raw);
}

export async function sentOutcome(deps: AttemptDeps, claim: Claim, note: string | null, raw?: Buffer): Promise<AttemptOutcome> {
  const stored = await deps.blobs.put(raw ?? (await deps.spool.read(claim.id)));
  return { kind: 'sent', note, raw: { storagePath: stored.storagePath, size: stored.size } };
}

function imapReason(error: unknown, signal: AbortSignal): string {
  // The stop closed the connection: "connection lost" would send an administrator looking for a fault.
  if (signal.aborted) return 'l’application s’arrête, elle reprendra au prochain démarrage';
  const e = error as { authenticationFailed?: boolean; responseText?: string };
  if (e?.authenticationFailed) return 'le serveur IMAP refuse l’identifiant ou le mot de passe de la boîte';
  if (error instanceof Error && error.name === 'SentFolderMissing') return error.message;
  return connectionReason(error);
}
