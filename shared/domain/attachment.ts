import { z } from 'zod';

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
  displayName: z.string().min(1).max(255),
  /** Inline image of a rich-text body: the `cid:` its HTML refers to. */
  contentId: z.string().max(200).optional(),
});
export type StagedAttachment = z.infer<typeof stagedAttachmentSchema>;
