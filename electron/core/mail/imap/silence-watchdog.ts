export interface SilenceWatchdog {
  /** Starts measuring silence from now. */
  arm(): void;
  disarm(): void;
  stop(): void;
}

/**
 * Calls `onSilent` once if `received()` (bytes read from the server) stays the same for longer
 * than `limitMs` while armed. A connection can die without a FIN or RST (a laptop asleep, a NAT
 * that forgot the flow): the socket then looks open forever and IDLE never reports new mail.
 * While listening, a live server always says something within the limit: the answer to the
 * DONE/IDLE of each IDLE restart, Dovecot's "* OK Still here", the answer to a polling NOOP.
 * It is disarmed during passes, where parsing may leave the socket quiet for a long time and
 * imapflow's own socket timeout covers a command left unanswered.
 */
export function watchSilence(received: () => number, limitMs: number, onSilent: () => void): SilenceWatchdog {
  let armed = false;
  let fired = false;
  let lastCount = 0;
  let lastChangeAt = 0;
  const tick = () => {
    if (!armed || fired) return;
    const count = received();
    const now = performance.now();
    if (count !== lastCount) {
      lastCount = count;
      lastChangeAt = now;
    } else if (now - lastChangeAt > limitMs) {
      fired = true;
      onSilent();
    }
  };
  const timer = setInterval(tick, Math.max(50, Math.floor(limitMs / 4)));
  timer.unref();
  return {
    arm() {
      armed = true;
      lastCount = received();
      lastChangeAt = performance.now();
    },
    disarm: () => void (armed = false),
    stop() {
      armed = false;
      clearInterval(timer);
    },
  };
}
