import { z } from 'zod';
import { safeFileName } from './file-name';

/** Per file; a mail server usually refuses more than about 25 MB of attachments in all. */
export const maxAttachmentBytes = 25 * 1024 * 1024;

/** A file sent to the core (base64, as JSON carries it over both transports). */
export const uploadInputSchema = z.object({
  name: z.string().trim().min(1, { error: 'Le fichier doit avoir un nom.' }).max(255),
  mediaType: z.string().max(200).default('application/octet-stream'),
  dataBase64: z
    .string()
    .max(Math.ceil(maxAttachmentBytes / 3) * 4 + 4, { error: 'Le fichier dépasse 25 Mo.' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Contenu de fichier illisible.' }),
});
export type UploadInput = z.input<typeof uploadInputSchema>;

/**
 * A file stored by the core but not yet tied to a case: actions and case creation refer to it.
 * Storage is content-addressed, so the SHA-256 is the reference.
 */
export const stagedAttachmentSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mediaType: z.string().max(200),
  /** Cleaned again: the client could send another name than the one `upload` gave (`file-name.ts`). */
  displayName: z.string().min(1).max(255).transform((name) => safeFileName(name)),
  /** Inline image of a rich-text body: the `cid:` its HTML refers to. */
  contentId: z.string().max(200).optional(),
});
export type StagedAttachment = z.infer<typeof stagedAttachmentSchema>;

/** A file of a case, by the id `cases.get` lists it under. */
export const attachmentRefSchema = z.object({
  attachmentId: z.number({ error: 'Pièce jointe invalide.' }).int().positive({ error: 'Pièce jointe invalide.' }),
});

/** What `attachments.download` answers: enough for the screen to save the file under its name. */
export const attachmentFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  contentBase64: z.string(),
});
export type AttachmentFile = z.infer<typeof attachmentFileSchema>;

export const openAttachmentInputSchema = attachmentRefSchema.extend({
  /** The agent read the warning about a dangerous type (`shared/domain/dangerous-types.ts`). */
  confirmedDangerous: z.boolean().optional(),
});
