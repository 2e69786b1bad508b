/**
 * Child process of crash-safety.test.ts: works the demo centre through the contract as fast as it
 * can, forever, until the test kills it (SIGKILL, at a random moment). Bundled by esbuild at test
 * time; run as `node crash-driver.mjs <dataDir> <migrationsFolder>`.
 * Prints `ready` once signed in, then one `.` per committed change.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { CaseAction } from '../../../../shared/domain/case-actions';
import type { CaseDetail } from '../../../../shared/domain/case-detail';
import { bytesSource, uploadFile } from '../../../../shared/contract';
import type { StagedAttachment } from '../../../../shared/domain/attachment';
import { createCore, type Connection, type Core } from '../../../../electron/core/create-core';
import { apiOf } from '../../../support/connection-api';
import { logins, people, type Person } from './case-fixture';

const [dataDir, migrationsFolder] = process.argv.slice(2) as [string, string];
const core = createCore({ dataDir, migrationsFolder, demo: true });

// The demo's own mailbox sends the replies: nothing to set up before working.
/** Actions that end a case's work are drawn rarely, so that the run keeps finding work to do. */
const rare = new Set<CaseAction>(['close', 'reply_and_close', 'reply_and_wait', 'approve']);
const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)] as T;

async function signIn(person: Person): Promise<Connection> {
  const connection = core.connect();
  const result = await connection.call('session.signIn', { login: logins[person], password: 'demo' });
  if (!result.ok) throw new Error(result.error.message);
  return connection;
}

async function data<T>(promise: Promise<{ ok: true; data: unknown } | { ok: false }>): Promise<T | null> {
  const result = await promise;
  return result.ok ? (result.data as T) : null;
}

async function upload(connection: Connection): Promise<StagedAttachment | null> {
  return uploadFile(apiOf(connection), bytesSource('piece.bin', 'application/octet-stream', randomBytes(64))).catch(() => null);
}

async function command(connection: Connection, view: CaseDetail, action: CaseAction) {
  const files = randomInt(4) === 0 ? [await upload(connection)].filter((f) => f !== null) : [];
  const to = view.contact.email ?? 'inconnu@example.org';
  return {
    caseId: view.id,
    version: view.version,
    action,
    reply: { to: { address: to }, cc: [{ address: 'copie@example.org' }], html: `<p>Réponse ${randomInt(1e6)}</p>`, attachments: files },
    comment: 'À reprendre.',
    targetAgentId: pick([people.camille, people.lucas, people.sophie]),
    approveAs: pick(['closed', 'waiting_contact'] as const),
  };
}

async function step(core: Core, agents: Connection[]): Promise<boolean> {
  const ids = core.db.sqlite.prepare('SELECT id FROM cases').all() as { id: number }[];
  const caseId = pick(ids).id;
  const connection = pick(agents);
  const sophie = agents[2] as Connection;
  const roll = randomInt(100);
  if (roll < 8) return (await connection.call('cases.addNote', { caseId, text: 'Note' })).ok;
  if (roll < 12) return (await sophie.call('cases.merge', { masterId: caseId, caseIds: [pick(ids).id] })).ok;
  if (roll < 18) {
    const merged = core.db.sqlite.prepare('SELECT id, merged_into_id AS master FROM cases WHERE merged_into_id IS NOT NULL').all() as { id: number; master: number }[];
    const one = merged.length > 0 ? pick(merged) : null;
    return one !== null && (await sophie.call('cases.unmerge', { masterId: one.master, caseId: one.id })).ok;
  }
  const view = await data<CaseDetail>(connection.call('cases.get', { caseId }));
  if (!view) return false;
  if (roll < 22) return (await connection.call('cases.setQualification', { caseId, version: view.version, qualificationId: pick([null, 1, 2, 3]) })).ok;
  const common = view.allowedActions.filter((a) => !rare.has(a));
  const choices = common.length > 0 && randomInt(5) > 0 ? common : view.allowedActions;
  if (choices.length === 0) return false;
  return (await connection.call('cases.act', await command(connection, view, pick(choices)))).ok;
}

const agents = [await signIn('camille'), await signIn('lucas'), await signIn('sophie')];
process.stdout.write('ready\n');
for (;;) {
  if (await step(core, agents)) process.stdout.write('.');
}
