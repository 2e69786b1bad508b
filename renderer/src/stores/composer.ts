import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { StagedAttachment } from '../../../shared/domain/attachment';
import type { CaseAction } from '../../../shared/domain/case-actions';
import type { ActResult, CaseDetail } from '../../../shared/domain/case-detail';
import type { MailAddressInput, Reply } from '../../../shared/domain/reply';
import { api, toApiError } from '../api';
import { useCaseStore } from './case';

/** One reply being written; it survives switching tabs, and a refused action keeps it whole. */
export interface ReplyDraft {
  to: MailAddressInput | null;
  cc: MailAddressInput[];
  bcc: MailAddressInput[];
  html: string;
  attachments: StagedAttachment[];
  /** Changed since the last save: autosave and the tab's warning read it. */
  dirty: boolean;
}

const strip = (address: { name?: string | undefined; address: string }): MailAddressInput =>
  address.name ? { name: address.name, address: address.address } : { address: address.address };

/** The replies being written, by case id. */
export const useComposerStore = defineStore('composer', () => {
  const replies = ref<Record<number, ReplyDraft>>({});

  /** Starts from the saved draft (a colleague's, perhaps), else from the contact's address. */
  function ensure(detail: CaseDetail): ReplyDraft {
    const known = replies.value[detail.id];
    if (known) return known;
    const { draft } = detail;
    const contactAddress = detail.contact.email ? { address: detail.contact.email } : null;
    replies.value[detail.id] = {
      to: draft?.to ? strip(draft.to) : contactAddress,
      cc: (draft?.cc ?? []).map(strip),
      bcc: (draft?.bcc ?? []).map(strip),
      html: draft?.html ?? '',
      attachments: [...(draft?.attachments ?? [])],
      dirty: false,
    };
    return replies.value[detail.id] as ReplyDraft;
  }

  function replyOf(caseId: number): Reply {
    const reply = replies.value[caseId];
    if (!reply) return { cc: [], bcc: [], html: '', attachments: [] };
    return {
      ...(reply.to ? { to: reply.to } : {}),
      cc: reply.cc,
      bcc: reply.bcc,
      html: reply.html,
      attachments: reply.attachments,
    };
  }

  /** Sends the reply with the action; on success the composer starts afresh (the core keeps the draft). */
  async function act(caseId: number, action: CaseAction, extra: { approveAs?: 'closed' | 'waiting_contact' } = {}): Promise<ActResult> {
    const cases = useCaseStore();
    const version = cases.details[caseId]?.version;
    if (version === undefined) throw toApiError(new Error('case not loaded'));
    const result = await cases.act({ caseId, version, action, reply: replyOf(caseId), ...extra });
    const reply = replies.value[caseId];
    if (action === 'save_draft') {
      if (reply) reply.dirty = false;
    } else {
      delete replies.value[caseId];
    }
    return result;
  }

  async function upload(caseId: number, file: File): Promise<void> {
    const dataBase64 = await toBase64(file);
    try {
      const staged = await api.attachments.upload({ name: file.name, mediaType: file.type || 'application/octet-stream', dataBase64 });
      const reply = replies.value[caseId];
      if (reply) {
        reply.attachments.push(staged);
        reply.dirty = true;
      }
    } catch (cause) {
      throw toApiError(cause);
    }
  }

  function forget(caseId: number): void {
    delete replies.value[caseId];
  }

  function reset(): void {
    replies.value = {};
  }

  return { replies, ensure, replyOf, act, upload, forget, reset };
});

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
