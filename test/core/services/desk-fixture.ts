import { AppFailure, type AppError } from '../../../shared/contract';
import type { AgentSummary } from '../../../shared/domain/agent';
import type { DemoAgentKey, DemoQueueKey } from '../../../electron/core/demo/demo-data';
import { seedLarge } from '../../../electron/core/demo/seed-large';
import { createSessionService } from '../../../electron/core/services/session-service';
import { fixedClock, openTempDatabase, type TempDatabase } from '../temp-database';

/** The demo centre grown by the large seed to a few thousand cases: desks worth paging and filtering. */
export interface SeededDesks {
  temp: TempDatabase;
  actors: Record<DemoAgentKey, AgentSummary>;
  queueIds: Record<DemoQueueKey, number>;
  /** Raw SQL on the same database: the tests' own oracle, independent of the services. */
  rows<T = Record<string, unknown>>(query: string, ...params: unknown[]): T[];
  ids(query: string, ...params: unknown[]): number[];
}

export function openSeededDesks(cases = 3000): SeededDesks {
  const temp = openTempDatabase();
  seedLarge(temp.db, { clock: fixedClock(), cases, contacts: Math.ceil(cases / 3) });
  const byName = new Map(createSessionService(temp.db, fixedClock()).demoAccounts().map((a) => [a.displayName, a]));
  const agent = (name: string) => byName.get(name) as AgentSummary;
  const queues = new Map(temp.db.orm.query.queues.findMany().sync().map((q) => [q.name, q.id]));
  const rows = <T>(query: string, ...params: unknown[]) => temp.db.sqlite.prepare(query).all(...params) as T[];
  return {
    temp,
    actors: {
      camille: agent('Camille Martin'),
      lucas: agent('Lucas Bernard'),
      sophie: agent('Sophie Durand'),
      admin: agent('Admin Unified'),
    },
    queueIds: { service: queues.get('Service clients') as number, complaints: queues.get('Réclamations') as number },
    rows,
    ids: (query, ...params) => rows<{ id: number }>(query, ...params).map((row) => row.id),
  };
}

/** The refusal a service threw (AppFailure), or a failed test if it did not refuse. */
export function failure(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
}
