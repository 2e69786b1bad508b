import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CaseActInput } from '../../../shared/contract/calls/cases';
import type { ApiError } from '../../../shared/contract/errors';
import type { ActResult, CaseDetail } from '../../../shared/domain/case-detail';
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

  return { details, errors, notice, announce, load, act, take, addNote, setQualification, forget, setUp, reset };
});
