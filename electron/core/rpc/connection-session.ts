import type { EventPayload } from '../../../shared/contract';
import type { Clock } from '../ports';
import type { AgentNow } from '../services/session-service';
import type { Caller, SessionCheck } from './handlers-type';

export type SessionEnding = EventPayload<'session.ended'>;

export interface SessionDeps {
  /** Null when the row is gone. */
  agentNow(agentId: number): AgentNow | null;
  /** The administrator's setting, read when it matters: a change applies to open sessions. */
  idleMinutes(): number;
  clock: Clock;
  address: string;
  /** Called once when the session ends by itself (not on a sign-out the agent asked for). */
  ended(ending: SessionEnding): void;
  /** Ends every session of this agent, on every connection of the core. */
  endEverywhere(agentId: number): void;
}

/** Why a session stopped without the agent signing out here; the next call says it in French. */
export const sessionEndings = {
  deactivated: (): SessionEnding => ({
    reason: 'deactivated',
    message: 'Votre compte a été désactivé : la session est terminée. Adressez-vous à votre administrateur.',
  }),
  idle: (minutes: number): SessionEnding => ({
    reason: 'idle',
    message: `Votre session a pris fin après ${duration(minutes)} sans activité : reconnectez-vous.`,
  }),
  everywhere: (): SessionEnding => ({
    reason: 'everywhere',
    message: 'Votre session a été fermée par « Se déconnecter partout » : reconnectez-vous.',
  }),
};

function duration(minutes: number): string {
  const [hours, rest] = [Math.floor(minutes / 60), minutes % 60];
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

type State =
  | { kind: 'none' }
  | { kind: 'ended'; message: string }
  | { kind: 'active'; agentId: number; startedAt: number; lastActivity: number };

export interface ConnectionSession extends Caller {
  /** « Se déconnecter partout » from any window: ends this session if it is that agent's. */
  endFor(agentId: number, ending: SessionEnding): void;
}

/**
 * One connection's session. It keeps who signed in and when they last called, never what they
 * could do then: a role changed or an account deactivated by an administrator applies to the very
 * next call, and so does the idle limit (issue 11).
 */
export function createConnectionSession(deps: SessionDeps): ConnectionSession {
  let state: State = { kind: 'none' };
  const now = () => deps.clock.now().getTime();

  function end(ending: SessionEnding): SessionCheck {
    state = { kind: 'ended', message: ending.message };
    deps.ended(ending);
    return state;
  }

  function check(): SessionCheck {
    if (state.kind !== 'active') return state;
    const idleMinutes = deps.idleMinutes();
    if (now() - state.lastActivity > idleMinutes * 60_000) return end(sessionEndings.idle(idleMinutes));
    const agent = deps.agentNow(state.agentId);
    if (!agent?.active) return end(sessionEndings.deactivated());
    return { kind: 'active', agent: { id: agent.id, displayName: agent.displayName, role: agent.role } };
  }

  return {
    check,
    address: deps.address,
    touch: () => {
      if (state.kind === 'active') state.lastActivity = now();
    },
    begin: (agentId) => void (state = { kind: 'active', agentId, startedAt: now(), lastActivity: now() }),
    end: () => void (state = { kind: 'none' }),
    endEverywhere: () => {
      if (state.kind !== 'active') return;
      const { agentId } = state;
      // This window signs out as asked; the others learn why at their next call or event.
      state = { kind: 'none' };
      deps.endEverywhere(agentId);
    },
    endFor: (agentId, ending) => {
      if (state.kind === 'active' && state.agentId === agentId) end(ending);
    },
  };
}
