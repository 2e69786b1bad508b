import { z } from 'zod';
import { deskPageSchema, deskQuerySchema, queueSummarySchema } from '../../domain/desk';
import { deskSearchSchema, searchPageSchema } from '../../domain/desk-search';
import { call, none } from '../define';

export const deskCalls = {
  list: call(deskQuerySchema, deskPageSchema),
  search: call(deskSearchSchema, searchPageSchema),
  queues: call(none, z.array(queueSummarySchema)),
};
