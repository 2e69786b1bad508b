import { z } from 'zod';
import { safeFileName } from './file-name';

/** Per file; a mail server usually refuses more than about 25 MB of attachments in all. */
export const maxAttachmentBytes = 25 * 1024 * 1024;
export const attachmentTooLarge = 'Le fichier dépasse 25 Mo.';

/**
 * A file travels in pieces of at most this many bytes (about 700 000 base64 characters), so that
 * no call needs a large frame: the transports refuse frames over `maxFrameBytes` before parsing them.
 */
export const uploadChunkBytes = 512 * 1024;
const maxChunks = Math.ceil(maxAttachmentBytes / uploadChunkBytes);

export const uploadMessages = {
  unknown: 'Cet envoi de fichier a expiré ou n’existe pas : joignez le fichier de nouveau.',
  unreadable: 'Contenu de fichier illisible.',
} as const;

const uploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/, { error: uploadMessages.unknown });

/** Announces a file: its name, type and size, checked before any byte travels. */
export const uploadStartInputSchema = z.object({
  name: z.string().trim().min(1, { error: 'Le fichier doit avoir un nom.' }).max(255),
  mediaType: z.string().max(200).default('application/octet-stream'),
  size: z.number().int().min(0).max(maxAttachmentBytes, { error: attachmentTooLarge }),
});
export type UploadStartInput = z.input<typeof uploadStartInputSchema>;

export const uploadTicketSchema = z.object({ uploadId: uploadIdSchema });
export type UploadTicket = z.infer<typeof uploadTicketSchema>;

/** The pieces come in order, from 0: a piece's place in the file is its index times the piece size. */
export const uploadChunkInputSchema = z.object({
  uploadId: uploadIdSchema,
  index: z.number().int().min(0).max(maxChunks - 1, { error: attachmentTooLarge }),
  dataBase64: z
    .string()
    .min(1, { error: uploadMessages.unreadable })
    .max(Math.ceil(uploadChunkBytes / 3) * 4, { error: 'Morceau de fichier trop grand.' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: uploadMessages.unreadable }),
});
export type UploadChunkInput = z.input<typeof uploadChunkInputSchema>;

/** Bytes the core holds so far: what a progress bar shows. */
export const uploadProgressSchema = z.object({ received: z.number().int().nonnegative() });

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

/** Ends an upload; with `sha256`, the core checks it received exactly the sender's file. */
export const uploadFinishInputSchema = z.object({
  uploadId: uploadIdSchema,
  sha256: sha256Schema.optional(),
});

/**
 * A file stored by the core but not yet tied to a case: actions and case creation refer to it.
 * Storage is content-addressed, so the SHA-256 is the reference.
 */
export const stagedAttachmentSchema = z.object({
  sha256: sha256Schema,
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
