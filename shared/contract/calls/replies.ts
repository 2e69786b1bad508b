import { z } from 'zod';
import { mailAddressViewSchema } from '../../domain/case-detail';
import { replyInputSchema } from '../../domain/reply';
import { call } from '../define';

const caseId = z.number({ error: 'Dossier invalide.' }).int().positive({ error: 'Dossier invalide.' });

const previewFileSchema = z.object({
  displayName: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
});

/**
 * Who the reply leaves from: the queue's own mailbox, the centre's default one, or none yet (then
 * `message` says what an administrator must choose, and where). The preview shows it either way.
 */
export const previewSenderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), from: mailAddressViewSchema }),
  z.object({ kind: z.literal('default'), from: mailAddressViewSchema }),
  z.object({ kind: z.literal('none'), message: z.string() }),
]);
export type PreviewSender = z.infer<typeof previewSenderSchema>;

/**
 * What the contact will receive, built by the very function that builds the outbox's message
 * (`buildOutgoingMail`): headers, the sanitised HTML with the signature and the quoted message,
 * and the files. Inline images stay `cid:` references, as sent; `inlineImages` names their parts.
 */
export const replyPreviewSchema = z.object({
  sender: previewSenderSchema,
  to: z.array(mailAddressViewSchema),
  cc: z.array(mailAddressViewSchema),
  bcc: z.array(mailAddressViewSchema),
  subject: z.string(),
  html: z.string(),
  attachments: z.array(previewFileSchema),
  inlineImages: z.array(previewFileSchema.extend({ contentId: z.string() })),
});
export type ReplyPreview = z.infer<typeof replyPreviewSchema>;

/** An inline image of the case's draft, as the editor shows it (a colleague's draft has no local copy). */
export const draftImageSchema = z.object({ contentId: z.string(), dataUrl: z.string() });
export type DraftImage = z.infer<typeof draftImageSchema>;

export const replyCalls = {
  preview: call(z.object({ caseId, reply: replyInputSchema }), replyPreviewSchema),
  draftImages: call(z.object({ caseId }), z.array(draftImageSchema)),
};
