import { z } from 'zod';
import { caseStates, caseStateSchema, distributionSchema, mediaSchema, openStates, type CaseState } from './case-state';

/** Where a case is listed: an agent's two desks, a queue, or the supervisors' Validation desk. */
export const deskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in_progress'), agentId: z.number().int().positive().optional() }),
  z.object({ kind: z.literal('processed'), agentId: z.number().int().positive().optional() }),
  z.object({ kind: z.literal('queue'), queueId: z.number().int().positive() }),
  z.object({ kind: z.literal('validation') }),
]);
export type Desk = z.infer<typeof deskSchema>;

/** PRODUCT.md "Case states": the states each desk lists (its state filter offers these only). */
export const deskStates: Readonly<Record<Desk['kind'], readonly CaseState[]>> = {
  in_progress: openStates,
  processed: ['waiting_contact', 'in_validation', 'closed'],
  queue: ['todo'],
  validation: ['in_validation'],
};

/** A calendar day `AAAA-MM-JJ`, read in the machine's time zone (the centre's, on a desktop). */
const day = z.iso.date({ error: 'Date invalide : attendu AAAA-MM-JJ.' });
const positiveId = (what: string) => z.number({ error: `${what} invalide.` }).int().positive({ error: `${what} invalide.` });

/**
 * Filters narrow a desk (they never widen it): a state outside the desk's states gives an empty
 * list. Strict, so that a misspelt filter is refused rather than silently showing everything.
 */
export const deskFiltersSchema = z
  .object({
    states: z
      .array(caseStateSchema, { error: 'États invalides.' })
      .min(1, { error: 'Choisissez au moins un état.' })
      .max(caseStates.length)
      .optional(),
    queueId: positiveId('File').optional(),
    /** Whose cases: useful on the Validation desk and in searches, where several agents' cases mix. */
    assigneeId: positiveId('Agent').optional(),
    /** A qualification and every qualification under it in the tree. */
    qualificationId: positiveId('Qualification').optional(),
    /** Received on or after this day. */
    receivedFrom: day.optional(),
    /** Received on or before this day (the whole day). */
    receivedTo: day.optional(),
    unreadOnly: z.boolean({ error: 'Valeur invalide.' }).optional(),
  })
  .strict()
  .refine((f) => !f.receivedFrom || !f.receivedTo || f.receivedFrom <= f.receivedTo, {
    path: ['receivedTo'],
    error: 'La date de fin doit être égale ou postérieure à la date de début.',
  });
export type DeskFilters = z.infer<typeof deskFiltersSchema>;

export const deskSortFields = ['received', 'number', 'state'] as const;
export type DeskSortField = (typeof deskSortFields)[number];
export const sortDirections = ['asc', 'desc'] as const;
export type SortDirection = (typeof sortDirections)[number];

/**
 * `received` (the default, newest first), `number`, or `state` in workflow order (A traiter first
 * when ascending), ties broken by date received. One direction for the whole order: that is what
 * lets a keyset cursor compare rows in one step.
 */
export const deskSortSchema = z
  .object({
    by: z.enum(deskSortFields, { error: 'Tri inconnu.' }).default('received'),
    direction: z.enum(sortDirections, { error: 'Sens de tri inconnu.' }).default('desc'),
  })
  .strict();
export type DeskSort = z.infer<typeof deskSortSchema>;

export const deskQuerySchema = z.object({
  desk: deskSchema,
  filters: deskFiltersSchema.default({}),
  sort: deskSortSchema.default({ by: 'received', direction: 'desc' }),
  limit: z.number().int().min(1).max(500).default(100),
  /** Opaque cursor from the previous page, made for the same sort: stable paging while cases move. */
  after: z.string().max(200).optional(),
  /**
   * Only these cases, those of them the desk and filters still hold: how a screen refreshes the rows
   * a `case.changed` burst named without reloading thousands of rows. `total` then counts them only.
   */
  only: z.array(z.number().int().positive()).min(1).max(500).optional(),
});
export type DeskQuery = z.input<typeof deskQuerySchema>;

export const deskRowSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  subject: z.string(),
  state: caseStateSchema,
  contactName: z.string(),
  queueId: z.number().int(),
  queueName: z.string(),
  media: mediaSchema,
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  receivedAt: z.string(), // ISO 8601
  unread: z.boolean(),
  version: z.number().int(),
});
export type DeskRow = z.infer<typeof deskRowSchema>;

export const deskPageSchema = z.object({
  rows: z.array(deskRowSchema),
  next: z.string().nullable(),
  /** Cases of the desk that pass the filters, all pages together. */
  total: z.number().int(),
});
export type DeskPage = z.infer<typeof deskPageSchema>;

export const queueSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  media: mediaSchema,
  distribution: distributionSchema,
  waiting: z.number().int(),
});
export type QueueSummary = z.infer<typeof queueSummarySchema>;
