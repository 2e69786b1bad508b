import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CaseActInput } from '../../../shared/contract/calls/cases';
import type { ApiError } from '../../../shared/contract/errors';
import type { AttachmentFile } from '../../../shared/domain/attachment';
import type { ActResult, CaseDetail, MessageSource } from '../../../shared/domain/case-detail';
import type { QualificationNode } from '../../../shared/domain/admin/qualification-schema';
import { api, toApiError } from '../api';

/** A change's answer: the version it wrote, and the case as the actor now reads it (null: out of sight). */
type Changed = { version: number; detail: CaseDetail | null };

/**
 * The cases open in the workspace, by id. The core is the authority: a change answers the case as it
 * now is, which replaces ours; the desks' rows move through `case.changed`, never by a reload.
 */
export const useCaseStore = defineStore('case', () => {
  const details = ref<Record<number, CaseDetail>>({});
  const errors = ref<Record<number, ApiError | null>>({});
  /** The last outcome worth announcing (read by a live region): "Réponse envoyée", … */
  const notice = ref('');
  /**
   * This window's changes under way, by case, with the highest version `case.changed` announced
   * meanwhile: the event of our own change comes before its answer, which need not be read twice.
   */
  const underway = new Map<number, { count: number; heard: number }>();
  let subscribed = false;

  async function load(caseId: number): Promise<void> {
    try {
      details.value[caseId] = await api.cases.get({ caseId });
      errors.value[caseId] = null;
    } catch (cause) {
      errors.value[caseId] = toApiError(cause);
    }
  }

  /**
   * Runs a change and shows the case it answers. Out of the actor's sight (null), the tab keeps what
   * it showed: the core refuses anything more on it. A version beyond ours announced meanwhile is
   * someone else's change: the case is read again.
   */
  async function change<T extends Changed>(caseId: number, work: () => Promise<T>): Promise<T> {
    const mine = underway.get(caseId) ?? { count: 0, heard: 0 };
    underway.set(caseId, mine);
    mine.count++;
    let reached = details.value[caseId]?.version ?? 0;
    try {
      const result = await work();
      reached = result.version;
      if (result.detail) {
        details.value[caseId] = result.detail;
        errors.value[caseId] = null;
      }
      return result;
    } finally {
      if (--mine.count === 0) underway.delete(caseId);
      if (details.value[caseId] && mine.heard > reached) void load(caseId);
    }
  }

  /** Runs an action on the version on screen; the desks' rows follow through `case.changed`. */
  const act = (input: CaseActInput): Promise<ActResult> => change(input.caseId, () => api.cases.act(input));

  async function take(caseId: number, version: number): Promise<ActResult> {
    return act({ caseId, version, action: 'take' });
  }

  async function addNote(caseId: number, text: string): Promise<void> {
    await api.cases.addNote({ caseId, text });
    await load(caseId);
  }

  async function setQualification(caseId: number, qualificationId: number | null): Promise<void> {
    const version = details.value[caseId]?.version;
    if (version === undefined) return;
    await change(caseId, () => api.cases.setQualification({ caseId, version, qualificationId }));
  }

  /** Hands the case to another agent (`assign_to_agent`): it lands in their En cours. */
  async function reassign(caseId: number, targetAgentId: number): Promise<ActResult> {
    const version = details.value[caseId]?.version ?? 0;
    return act({ caseId, version, action: 'assign_to_agent', targetAgentId });
  }

  /** Merges or unmerges; the core answers the master as it now reads, and every changed case's row moves. */
  async function regroup(masterId: number, call: () => Promise<CaseDetail>): Promise<void> {
    await change(masterId, async () => {
      const master = await call();
      return { version: master.version, detail: master };
    });
  }

  const merge = (masterId: number, caseIds: number[]) => regroup(masterId, () => api.cases.merge({ masterId, caseIds }));
  const unmerge = (masterId: number, caseId: number) => regroup(masterId, () => api.cases.unmerge({ masterId, caseId }));

  // Calls that only read: a failure reaches the caller as the client's ApiError.
  /** Whom a supervisor may hand a case to: agents and supervisors (administrators handle no case). */
  const reassignTargets = async () => (await api.session.colleagues()).filter((agent) => agent.role !== 'administrator');
  /** Cases to merge into a master, found by number (or any word the desk search knows). */
  const findCases = async (q: string) => (await api.desk.search({ q, limit: 20 })).rows;
  const messageSource = (messageId: number): Promise<MessageSource> => api.cases.messageSource({ messageId });
  const downloadAttachment = (attachmentId: number): Promise<AttachmentFile> => api.attachments.download({ attachmentId });
  const openAttachment = (attachmentId: number, confirmedDangerous: boolean): Promise<null> =>
    api.attachments.open({ attachmentId, confirmedDangerous });
  /** The qualification tree a case may be filed under (inactive branches included: the picker hides them). */
  const qualifications = (): Promise<QualificationNode[]> => api.admin.qualifications();

  /** Whether the core can open files here (Electron), asked once: the browser host downloads instead. */
  let openingKnown: Promise<boolean> | null = null;
  function canOpenFiles(): Promise<boolean> {
    openingKnown ??= api.app.info().then(
      (info) => info.canOpenFiles,
      () => {
        openingKnown = null;
        return false;
      },
    );
    return openingKnown;
  }

  function forget(caseId: number): void {
    delete details.value[caseId];
    delete errors.value[caseId];
  }

  /** Another agent or the mail sync changed an open case: read it again. */
  function setUp(): void {
    if (subscribed) return;
    subscribed = true;
    api.on('case.changed', (event) => {
      const mine = underway.get(event.caseId);
      if (mine) mine.heard = Math.max(mine.heard, event.version);
      const open = details.value[event.caseId];
      if (!mine && open && open.version !== event.version) void load(event.caseId);
    });
  }

  function reset(): void {
    details.value = {};
    errors.value = {};
    notice.value = '';
  }

  function announce(text: string): void {
    notice.value = text;
  }

  return {
    details,
    errors,
    notice,
    announce,
    load,
    act,
    take,
    addNote,
    setQualification,
    reassign,
    reassignTargets,
    findCases,
    merge,
    unmerge,
    messageSource,
    downloadAttachment,
    openAttachment,
    qualifications,
    canOpenFiles,
    forget,
    setUp,
    reset,
  };
});
