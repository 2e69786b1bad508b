import type { CaseActInput } from '../../../../shared/contract/calls/cases';
import type { AgentSummary } from '../../../../shared/domain/agent';
import type { ActResult, CaseDetail, NotepadEntry } from '../../../../shared/domain/case-detail';
import { deskOf } from '../../../../shared/domain/case-machine';
import { createBlobStore } from '../../storage/blob-store';
import { createAttachmentService } from '../attachment-service';
import type { ServiceDeps } from '../index';
import { applyAction } from './apply-action';
import { addNote, setQualification } from './case-notes';
import { mergeCases, unmergeCase, type Merger } from './case-merge';
import { loadCase, type CaseRow } from './case-rows';
import { readableCase } from '../case-access';
import { assertFresh, caseHandler } from './case-scope';
import { caseView } from './case-view';
import { messageSource } from './message-source';

export type CaseService = ReturnType<typeof createCaseService>;

/**
 * The calls of the `cases` namespace. Each change is one IMMEDIATE transaction (the write lock is
 * taken before the case is read, so the version checked is the version overwritten); a refusal
 * thrown inside rolls it back whole. Events go out only after the commit.
 */
export function createCaseService(deps: Pick<ServiceDeps, 'db' | 'clock' | 'events' | 'dataDir'>) {
  const { db, clock, events } = deps;
  const blobs = createBlobStore(deps.dataDir);
  const files = createAttachmentService(blobs);
  const write = <T>(work: () => T): T => db.sqlite.transaction(work).immediate();
  // One snapshot for the whole screen: a mail arriving midway cannot show half.
  const read = <T>(work: () => T): T => db.sqlite.transaction(work).deferred();

  const announce = (row: Pick<CaseRow, 'id' | 'version' | 'state' | 'assigneeId' | 'queueId'>) =>
    events.emit('case.changed', {
      caseId: row.id,
      version: row.version,
      state: row.state,
      assigneeId: row.assigneeId,
      queueId: row.queueId,
    });

  /** The case as the agent may see it, checked in the transaction that goes on to use it. */
  function readable(agent: AgentSummary, caseId: number) {
    const actor = caseHandler(db, agent);
    return { actor, row: readableCase(db, caseId, actor) };
  }

  function get(input: { caseId: number }, agent: AgentSummary): CaseDetail {
    return read(() => {
      const { actor, row } = readable(agent, input.caseId);
      return caseView(db, row, actor);
    });
  }

  function act(input: CaseActInput, agent: AgentSummary): ActResult {
    // File checks are I/O: before the transaction, never inside.
    if (input.reply) files.assertStored(input.reply.attachments);
    const applied = write(() => {
      const { actor, row } = readable(agent, input.caseId);
      assertFresh(db, row, input.version);
      return applyAction({ db, blobs }, { row, origin: row.state, command: input, actor, now: clock.now() });
    });
    const { caseId, version, state, assigneeId, queueId, desk } = applied;
    announce({ id: caseId, version, state, assigneeId, queueId });
    return { caseId, version, state, assigneeId, desk };
  }

  function note(input: { caseId: number; text: string }, agent: AgentSummary): NotepadEntry {
    const { entry, row } = write(() => {
      const { actor, row } = readable(agent, input.caseId);
      const at = clock.now().toISOString();
      return { row, entry: addNote(db, row, { ...actor, displayName: agent.displayName }, input.text, at) };
    });
    announce(row);
    return entry;
  }

  function qualify(input: { caseId: number; version: number; qualificationId: number | null }, agent: AgentSummary): ActResult {
    const row = write(() => {
      const { actor, row } = readable(agent, input.caseId);
      assertFresh(db, row, input.version);
      setQualification(db, row, actor, input.qualificationId, clock.now().toISOString());
      return loadCase(db, row.id);
    });
    announce(row);
    return { caseId: row.id, version: row.version, state: row.state, assigneeId: row.assigneeId, desk: deskOf(row.state, row.assigneeId) };
  }

  function merge(input: { masterId: number; caseIds: number[] }, agent: AgentSummary): CaseDetail {
    return regroup(agent, (actor, now) => mergeCases(db, actor, input.masterId, input.caseIds, now));
  }

  function unmerge(input: { masterId: number; caseId: number }, agent: AgentSummary): CaseDetail {
    return regroup(agent, (actor, now) => unmergeCase(db, actor, input.masterId, input.caseId, now));
  }

  /** A merge or its undoing: `change` returns the changed cases, master first, as the caller then reads it. */
  function regroup(agent: AgentSummary, change: (actor: Merger, now: Date) => CaseRow[]): CaseDetail {
    const { changed, view } = write(() => {
      const actor = caseHandler(db, agent);
      const changed = change({ ...actor, displayName: agent.displayName }, clock.now());
      return { changed, view: caseView(db, changed[0] as CaseRow, actor) };
    });
    changed.forEach(announce);
    return view;
  }

  async function source(input: { messageId: number }, agent: AgentSummary) {
    return messageSource(db, deps.dataDir, caseHandler(db, agent), input.messageId);
  }

  return { get, act, addNote: note, setQualification: qualify, merge, unmerge, messageSource: source };
}
