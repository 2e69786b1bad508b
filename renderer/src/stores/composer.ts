import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { StagedAttachment } from '../../../shared/domain/attachment';
import type { CaseAction } from '../../../shared/domain/case-actions';
import type { ActResult, CaseDetail } from '../../../shared/domain/case-detail';
import type { MailAddressInput, Reply } from '../../../shared/domain/reply';
import type { UploadProgress } from '../../../shared/contract/upload-file';
import { api, toApiError } from '../api';
import { contentIdFor, hasImage, referencedContentIds, rememberImage } from '../components/composer/inline-images';
import { uploadChosenFile } from '../file-upload';
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

  /** The reply as the core takes it: an image deleted from the text is no longer one of its parts. */
  function replyOf(caseId: number): Reply {
    const reply = replies.value[caseId];
    if (!reply) return { cc: [], bcc: [], html: '', attachments: [] };
    const used = referencedContentIds(reply.html);
    return {
      ...(reply.to ? { to: reply.to } : {}),
      cc: reply.cc,
      bcc: reply.bcc,
      html: reply.html,
      attachments: reply.attachments.filter((file) => !file.contentId || used.has(file.contentId)),
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

  /** Stores the file in the core and joins it to the reply. */
  async function upload(caseId: number, file: File, onProgress?: UploadProgress): Promise<void> {
    const staged = await uploadChosenFile(file, onProgress);
    const reply = replies.value[caseId];
    if (reply) {
      reply.attachments.push(staged);
      reply.dirty = true;
    }
  }

  /** Stores a picture of the text and answers its Content-ID: it leaves as an inline `cid:` part. */
  async function uploadImage(caseId: number, file: File): Promise<string> {
    const { staged, dataUrl } = await storeImage(file);
    const contentId = contentIdFor(staged.sha256);
    rememberImage(contentId, dataUrl);
    const reply = replies.value[caseId];
    if (reply && !reply.attachments.some((known) => known.contentId === contentId)) {
      reply.attachments.push({ ...staged, contentId });
      reply.dirty = true;
    }
    return contentId;
  }

  /** Fetches under way, by case: the draft notice and the composer of one case ask at once. */
  const fetching = new Map<number, Promise<void>>();

  /**
   * A draft saved elsewhere (a colleague, another session) shows its pictures once they are fetched:
   * those of `files`, the composer's reply of the case unless told.
   */
  async function loadDraftImages(caseId: number, files: readonly StagedAttachment[] = replies.value[caseId]?.attachments ?? []): Promise<void> {
    if (!files.some((file) => file.contentId && !hasImage(file.contentId))) return;
    const known = fetching.get(caseId);
    if (known) return known;
    const fetch = fetchDraftImages(caseId).finally(() => fetching.delete(caseId));
    fetching.set(caseId, fetch);
    return fetch;
  }

  function forget(caseId: number): void {
    delete replies.value[caseId];
  }

  function reset(): void {
    replies.value = {};
  }

  return { replies, ensure, replyOf, act, upload, uploadImage, loadDraftImages, forget, reset };
});

/** The `data:` URLs of the draft's pictures, kept where the editor and the frames read them. */
async function fetchDraftImages(caseId: number): Promise<void> {
  try {
    for (const image of await api.replies.draftImages({ caseId })) rememberImage(image.contentId, image.dataUrl);
  } catch (cause) {
    throw toApiError(cause);
  }
}

/** Uploads first, refers later; a picture of the text is also kept as a `data:` URL, for the editor. */
async function storeImage(file: File): Promise<{ staged: StagedAttachment; dataUrl: string }> {
  const [staged, dataUrl] = await Promise.all([uploadChosenFile(file), readDataUrl(file)]);
  // The URL names the type the core stored, whatever the browser guessed for an empty one.
  return { staged, dataUrl: dataUrl.replace(/^data:[^,;]*/, `data:${staged.mediaType}`) };
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
