import { connectionStepLabels, type ConnectionStep, type ServerReport, type StepReport } from '../../../../shared/domain/mailbox';
import { connectionReason } from '../outbox/network-reasons';

/** A step's own verdict. `skipped` does not stop the next steps (e.g. no TLS on loopback). */
export type StepOutcome = { status: 'ok' | 'skipped' | 'failed'; detail: string };

export const passed = (detail: string): StepOutcome => ({ status: 'ok', detail });
export const notApplicable = (detail: string): StepOutcome => ({ status: 'skipped', detail });

/** A failure already worded for the administrator. */
export class StepFailure extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'StepFailure';
  }
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function failureDetail(error: unknown): string {
  if (error instanceof StepFailure) return error.message;
  return `${capitalized(connectionReason(error))}.`;
}

export type StepPlan = ReadonlyArray<readonly [ConnectionStep, () => Promise<StepOutcome>]>;

/**
 * Runs the steps in order; after the first failure the rest are reported as not tried, so that
 * the administrator sees the one thing to fix rather than a cascade of consequences.
 */
export async function runSteps(protocol: 'imap' | 'smtp', server: string, plan: StepPlan): Promise<ServerReport> {
  const steps: StepReport[] = [];
  let blockedBy: ConnectionStep | null = null;
  for (const [step, run] of plan) {
    const label = connectionStepLabels[step];
    if (blockedBy) {
      steps.push({ step, label, status: 'skipped', detail: `Non testé : l’étape « ${connectionStepLabels[blockedBy]} » a échoué.` });
      continue;
    }
    const outcome = await run().catch((error: unknown): StepOutcome => ({ status: 'failed', detail: failureDetail(error) }));
    steps.push({ step, label, ...outcome });
    if (outcome.status === 'failed') blockedBy = step;
  }
  return { protocol, server, ok: blockedBy === null, steps };
}
