import { z } from 'zod';
import { caseStateSchema, distributionSchema, mediaSchema } from './case-state';

/** Where a case is listed: an agent's two desks, a queue, or the supervisors' Validation desk. */
export const deskSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('in_progress'), agentId: z.number().int().positive().optional() }),
  z.object({ kind: z.literal('processed'), agentId: z.number().int().positive().optional() }),
  z.object({ kind: z.literal('queue'), queueId: z.number().int().positive() }),
  z.object({ kind: z.literal('validation') }),
]);
export type Desk = z.infer<typeof deskSchema>;

export const deskQuerySchema = z.object({
  desk: deskSchema,
  limit: z.number().int().min(1).max(500).default(100),
  /** Opaque cursor from the previous page: stable paging while cases move. */
  after: z.string().max(200).optional(),
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
