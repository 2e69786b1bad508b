/**
 * A level-triggered wake-up: a `raise()` that comes while nobody waits is kept until `take()`,
 * so new mail announced during a pass is not lost; it only runs one more pass.
 */
export class WakeSignal {
  private raised = false;
  private waiters: Array<() => void> = [];

  raise(): void {
    this.raised = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Whether it was raised, clearing it. */
  take(): boolean {
    const was = this.raised;
    this.raised = false;
    return was;
  }

  get isRaised(): boolean {
    return this.raised;
  }

  wait(): Promise<void> {
    return this.raised ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects). */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
