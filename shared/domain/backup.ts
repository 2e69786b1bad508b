import { z } from 'zod';
import { isAbsolutePath, settingsMessages } from './admin/settings-schema';

/** What the backup screens and calls exchange (core: electron/core/services/backup/). */

const pathMessage = settingsMessages.backupFolder;
const folderPath = z
  .string({ error: pathMessage })
  .trim()
  .min(1, { error: pathMessage })
  .max(1000)
  .refine(isAbsolutePath, { error: pathMessage });

/** What a backup or an export holds, as the centre counts it. */
export const dataCountsSchema = z.object({
  cases: z.number().int(),
  messages: z.number().int(),
  contacts: z.number().int(),
  attachments: z.number().int(),
});
export type DataCounts = z.infer<typeof dataCountsSchema>;

/**
 * One backup in the chosen folder. A complete one has its manifest, written last once every copy
 * was checked against its SHA-256; a folder without it (a backup cut short, or one being written)
 * is shown as such and never counted among the backups kept.
 */
export const backupEntrySchema = z.discriminatedUnion('complete', [
  z.object({
    complete: z.literal(true),
    name: z.string(),
    createdAt: z.string(),
    sizeBytes: z.number().int(),
    appVersion: z.string(),
    counts: dataCountsSchema,
  }),
  z.object({ complete: z.literal(false), name: z.string(), modifiedAt: z.string() }),
]);
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupListSchema = z.object({
  /** The folder chosen in the settings; null until an administrator chooses one. */
  folder: z.string().nullable(),
  keep: z.number().int(),
  /** Newest first. */
  backups: z.array(backupEntrySchema),
});
export type BackupList = z.infer<typeof backupListSchema>;

export const backupJobKinds = ['backup', 'export', 'restore', 'verify'] as const;
export type BackupJobKind = (typeof backupJobKinds)[number];

/** The parts of a long job, in their order: the screen names each one. */
export const backupSteps = ['database', 'files', 'tables', 'prune'] as const;
export type BackupStep = (typeof backupSteps)[number];

export const backupProgressSchema = z.object({
  kind: z.enum(backupJobKinds),
  step: z.enum(backupSteps),
  done: z.number().int(),
  total: z.number().int(),
  startedAt: z.string(),
});
export type BackupProgress = z.infer<typeof backupProgressSchema>;

/** Polled by the screen while a long job runs: one job at a time per installation. */
export const backupStatusSchema = z.object({
  running: backupProgressSchema.nullable(),
  last: z
    .object({ kind: z.enum(backupJobKinds), ok: z.boolean(), message: z.string(), finishedAt: z.string() })
    .nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupNameInput = z.object({ name: z.string().min(1).max(200) });

export const restoreInputSchema = z.object({
  /** A backup's own folder (the one holding manifest.json). */
  backupFolder: folderPath,
  /** Where the centre's data will live: empty or not yet created. */
  dataFolder: folderPath,
});
export type RestoreInput = z.infer<typeof restoreInputSchema>;

export const exportInputSchema = z.object({ folder: folderPath });

export const exportResultSchema = z.object({
  /** The export's own folder, created inside the chosen one. */
  folder: z.string(),
  counts: dataCountsSchema,
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const logTailInputSchema = z.object({ lines: z.number().int().min(1).max(2000).default(300) });
