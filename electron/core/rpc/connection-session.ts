import type { AgentNow } from '../services/session-service';
import type { Caller, SessionCheck } from './handlers-type';

export interface SessionDeps {
  /** Null when the row is gone. */
  agentNow(agentId: number): AgentNow | null;
  address: string;
}

/** Why a session stopped without the agent signing out; the next call says it in French. */
export const sessionEndings = {
  deactivated: 'Votre compte a été désactivé : la session est terminée. Adressez-vous à votre administrateur.',
} as const;

type State = { kind: 'none' } | { kind: 'ended'; message: string } | { kind: 'active'; agentId: number };

/**
 * One connection's session. It keeps who signed in, never what they could do then: a role changed
 * or an account deactivated by an administrator applies to the very next call (issue 11).
 */
export function createConnectionSession(deps: SessionDeps): Caller & { readonly signedIn: boolean } {
  let state: State = { kind: 'none' };

  function check(): SessionCheck {
    if (state.kind !== 'active') return state;
    const agent = deps.agentNow(state.agentId);
    if (!agent?.active) {
      state = { kind: 'ended', message: sessionEndings.deactivated };
      return state;
    }
    return { kind: 'active', agent: { id: agent.id, displayName: agent.displayName, role: agent.role } };
  }

  return {
    check,
    address: deps.address,
    begin: (agentId) => void (state = { kind: 'active', agentId }),
    end: () => void (state = { kind: 'none' }),
    get signedIn() {
      return state.kind === 'active';
    },
  };
}
