import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CaseActInput } from '../../../shared/contract/calls/cases';
import type { ApiError } from '../../../shared/contract/errors';
import type { AttachmentFile } from '../../../shared/domain/attachment';
import type { ActResult, CaseDetail, MessageSource } from '../../../shared/domain/case-detail';
import { api, toApiError } from '../api';
import { useDeskStore } from './desk';
import { useSessionStore } from './session';

/** The cases open in the workspace, by id. The core is the authority: every change re-reads it. */
export const useCaseStore = defineStore('case', () => {
  const details = ref<Record<number, CaseDetail>>({});
  const errors = ref<Record<number, ApiError | null>>({});
  /** The last outcome worth announcing (read by a live region): "Réponse envoyée", … */
  const notice = ref('');
  let subscribed = false;

  function fail(cause: unknown): ApiError {
    const apiError = toApiError(cause);
    if (apiError.code === 'unauthenticated') useSessionStore().markExpired();
    return apiError;
  }

  async function load(caseId: number): Promise<void> {
    try {
      details.value[caseId] = await api.cases.get({ caseId });
      errors.value[caseId] = null;
    } catch (cause) {
      errors.value[caseId] = fail(cause);
    }
  }

  /** Runs an action on the version on screen; the desks refresh through `case.changed`. */
  async function act(input: CaseActInput): Promise<ActResult> {
    try {
      const result = await api.cases.act(input);
      await load(input.caseId);
      useDeskStore().refreshSoon();
      return result;
    } catch (cause) {
      throw fail(cause);
    }
  }

  async function take(caseId: number, version: number): Promise<ActResult> {
    return act({ caseId, version, action: 'take' });
  }

  async function addNote(caseId: number, text: string): Promise<void> {
    try {
      await api.cases.addNote({ caseId, text });
    } catch (cause) {
      throw fail(cause);
    }
    await load(caseId);
  }

  async function setQualification(caseId: number, qualificationId: number | null): Promise<void> {
    const version = details.value[caseId]?.version;
    if (version === undefined) return;
    try {
      await api.cases.setQualification({ caseId, version, qualificationId });
    } catch (cause) {
      throw fail(cause);
    }
    await load(caseId);
  }

  /** Hands the case to another agent (`assign_to_agent`): it lands in their En cours. */
  async function reassign(caseId: number, targetAgentId: number): Promise<ActResult> {
    const version = details.value[caseId]?.version ?? 0;
    return act({ caseId, version, action: 'assign_to_agent', targetAgentId });
  }

  /** Merges or unmerges; the core answers the master as it now reads, and the other cases' desks move. */
  async function regroup(masterId: number, change: () => Promise<CaseDetail>): Promise<void> {
    try {
      details.value[masterId] = await change();
      errors.value[masterId] = null;
    } catch (cause) {
      throw fail(cause);
    }
    useDeskStore().refreshSoon();
  }

  const merge = (masterId: number, caseIds: number[]) => regroup(masterId, () => api.cases.merge({ masterId, caseIds }));
  const unmerge = (masterId: number, caseId: number) => regroup(masterId, () => api.cases.unmerge({ masterId, caseId }));

  /** A call that only reads: its failure goes to the caller, as an ApiError. */
  async function ask<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (cause) {
      throw fail(cause);
    }
  }

  /** Whom a supervisor may hand a case to: agents and supervisors (administrators handle no case). */
  const reassignTargets = () => ask(async () => (await api.session.colleagues()).filter((agent) => agent.role !== 'administrator'));
  /** Cases to merge into a master, found by number (or any word the desk search knows). */
  const findCases = (q: string) => ask(async () => (await api.desk.search({ q, limit: 20 })).rows);
  const messageSource = (messageId: number): Promise<MessageSource> => ask(() => api.cases.messageSource({ messageId }));
  const downloadAttachment = (attachmentId: number): Promise<AttachmentFile> => ask(() => api.attachments.download({ attachmentId }));
  const openAttachment = (attachmentId: number, confirmedDangerous: boolean): Promise<null> =>
    ask(() => api.attachments.open({ attachmentId, confirmedDangerous }));

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
      const open = details.value[event.caseId];
      if (open && open.version !== event.version) void load(event.caseId);
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
    canOpenFiles,
    forget,
    setUp,
    reset,
  };
});
