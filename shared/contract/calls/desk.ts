import { z } from 'zod';
import { deskPageSchema, deskQuerySchema, queueSummarySchema } from '../../domain/desk';
import { call, none } from '../define';

export const deskCalls = {
  list: call(deskQuerySchema, deskPageSchema),
  queues: call(none, z.array(queueSummarySchema)),
};
