import { z } from 'zod';
import { attachmentFileSchema } from '../../domain/attachment';
import {
  createdCaseSchema,
  quarantineCountSchema,
  quarantineCreateCaseInput,
  quarantineIdInput,
  quarantineListInput,
  quarantinePageSchema,
  quarantineQueueSchema,
  quarantineRetrySchema,
} from '../../domain/quarantine';
import { call, none } from '../define';

/**
 * The mail the sync could not file (PRODUCT.md "Incoming messages": a visible quarantine), for
 * administrators and supervisors (`manage_quarantine`); `forbidden` to anyone else, and a refused
 * call changes nothing. `quarantine.changed` carries the count as it changes.
 */
export const quarantineCalls = {
  list: call(quarantineListInput, quarantinePageSchema),
  count: call(none, quarantineCountSchema),
  /** The stored source as an `.eml` file, saved the way an attachment is. */
  source: call(quarantineIdInput, attachmentFileSchema),
  /** Parses and files the stored source again, as the sync would now (after a fix). */
  retry: call(quarantineIdInput, quarantineRetrySchema),
  /** The active e-mail queues a case made from quarantine may go to. */
  queues: call(none, z.array(quarantineQueueSchema)),
  createCase: call(quarantineCreateCaseInput, createdCaseSchema),
  /** Removes the entry and its source (kept if a case still refers to the same file). */
  delete: call(quarantineIdInput, z.null()),
};
