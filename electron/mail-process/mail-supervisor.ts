import type { EventBus } from '../core/event-bus';
import type { Notifier, SecretStore } from '../core/ports';
import { mirrorEvents } from './event-mirror';
import { parseFromMail, type FromMail, type ToMail } from './protocol';

/** The mail process as main sees it: Electron's UtilityProcess in the app, a Node fork in the tests. */
export interface MailChild {
  send(message: ToMail): void;
  /** Raw messages: the supervisor parses them. */
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export interface MailSupervisorOptions {
  spawn: () => MailChild;
  /** Main's bus: the windows' connections listen to it. */
  events: EventBus;
  secrets: SecretStore;
  notifier: Notifier;
  /** Wait before the n-th restart in a row (0-based). */
  restartDelayMs?: (attempt: number) => number;
  /** A child that stayed up this long after `ready` was healthy: the next crash restarts at once. */
  healthyAfterMs?: number;
  /** How long a stop may take (an SMTP send finishing) before the child is killed. */
  stopTimeoutMs?: number;
  log?: (message: string, error: unknown) => void;
}

export interface MailSupervisor {
  start(): void;
  /** Asks the child to stop, waits until it exited (killing it after stopTimeoutMs); no restart after. */
  stop(): Promise<void>;
}

/** 1 s, 2 s, 4 s… capped at a minute: a child that cannot start does not spin the CPU. */
export const defaultRestartDelay = (attempt: number) => Math.min(1_000 * 2 ** attempt, 60_000);

interface Running {
  child: MailChild;
  alive: boolean;
  exited: Promise<void>;
}

/**
 * Runs the mail process from main: mirrors its events onto main's bus, answers its password requests
 * from main's SecretStore, shows its notifications, and starts it again with backoff when it dies.
 */
export function createMailSupervisor(options: MailSupervisorOptions): MailSupervisor {
  const restartDelay = options.restartDelayMs ?? defaultRestartDelay;
  const log = options.log ?? ((message, error) => console.error(`[mail-supervisor] ${message}`, error));
  let running: Running | null = null;
  let stopping = false;
  let attempt = 0;
  let restartTimer: NodeJS.Timeout | null = null;
  let healthyTimer: NodeJS.Timeout | null = null;

  const sendTo = (target: Running, message: ToMail) => {
    if (target.alive) target.child.send(message);
  };
  const mirror = mirrorEvents(options.events, (message) => running && sendTo(running, message));

  async function answerSecret(target: Running, id: number, key: string): Promise<void> {
    try {
      sendTo(target, { type: 'secret.reply', id, ok: true, value: await options.secrets.get(key) });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Le mot de passe de la boîte n’a pas pu être lu.';
      sendTo(target, { type: 'secret.reply', id, ok: false, message });
    }
  }

  function handle(target: Running, message: FromMail): void {
    switch (message.type) {
      case 'event':
        return mirror.receive(message);
      case 'secret':
        return void answerSecret(target, message.id, message.key);
      case 'notify':
        return options.notifier.notify(message.title, message.body);
      case 'ready':
        healthyTimer = setTimeout(() => (attempt = 0), options.healthyAfterMs ?? 60_000);
        healthyTimer.unref();
        return;
    }
  }

  function launch(): void {
    restartTimer = null;
    let child: MailChild;
    try {
      child = options.spawn();
    } catch (error) {
      log('the mail process could not be started', error);
      return restartLater(null);
    }
    let exited!: () => void;
    const target: Running = { child, alive: true, exited: new Promise((resolve) => (exited = resolve)) };
    running = target;
    child.onMessage((raw) => {
      const message = parseFromMail(raw);
      if (message) handle(target, message);
      else log('message ignored', raw);
    });
    child.onExit((code) => {
      target.alive = false;
      exited();
      if (running === target) running = null;
      if (healthyTimer) clearTimeout(healthyTimer);
      if (!stopping) restartLater(code);
    });
  }

  function restartLater(code: number | null): void {
    const delay = restartDelay(attempt++);
    log('the mail process exited; restarting', { code, delayMs: delay });
    restartTimer = setTimeout(launch, delay);
  }

  return {
    start() {
      if (running || restartTimer || stopping) return;
      launch();
    },
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      restartTimer = null;
      mirror.close();
      if (healthyTimer) clearTimeout(healthyTimer);
      const target = running;
      if (!target) return;
      sendTo(target, { type: 'stop' });
      // An outbox send outlasting this is resolved at the next start (outbox: ambiguous sends are
      // looked up in the Sent folder); quitting must not hang on a dead server.
      const killer = setTimeout(() => target.child.kill(), options.stopTimeoutMs ?? 20_000);
      await target.exited;
      clearTimeout(killer);
    },
  };
}
