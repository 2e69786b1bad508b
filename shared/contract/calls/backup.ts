import { z } from 'zod';
import { attachmentFileSchema } from '../../domain/attachment';
import {
  backupEntrySchema,
  backupListSchema,
  backupNameInput,
  backupStatusSchema,
  dataCountsSchema,
  exportInputSchema,
  exportResultSchema,
  logTailInputSchema,
  restoreInputSchema,
} from '../../domain/backup';
import { call, none } from '../define';

/**
 * « Sauvegarde et journal » (issue 13): administrators only, every call refused (`forbidden`) to
 * anyone else. The folder and the number of backups kept are settings (`admin.updateSettings`).
 * Long calls answer when done; meanwhile `status` tells their progress.
 */
export const backupCalls = {
  status: call(none, backupStatusSchema),
  list: call(none, backupListSchema),
  /** « Sauvegarder maintenant »: into the chosen folder, then the older backups beyond the number kept are removed. */
  run: call(none, backupEntrySchema),
  /** Reads a backup of the chosen folder against its manifest; refused, in French, if it is damaged. */
  verify: call(backupNameInput, z.null()),
  /** Into an empty (or new) data folder, for a new installation; refused for a damaged backup or a folder with data. */
  restore: call(restoreInputSchema, dataCountsSchema),
  /** « Exporter toutes les données »: JSON Lines per table and the files, in a new folder inside the chosen one. */
  exportAll: call(exportInputSchema, exportResultSchema),
  /** The last lines of the journal, oldest first. */
  logTail: call(logTailInputSchema, z.object({ lines: z.array(z.string()) })),
  /** « Télécharger le journal »: saved as a case's files are. */
  logFile: call(none, attachmentFileSchema),
};
