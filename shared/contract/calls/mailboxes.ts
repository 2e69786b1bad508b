import { z } from 'zod';
import {
  connectionReportSchema,
  mailboxCreateSchema,
  mailboxTestInputSchema,
  mailboxUpdateSchema,
  mailboxViewSchema,
} from '../../domain/mailbox';
import { call, none } from '../define';

/**
 * The centre's mailboxes (PRODUCT.md "Roles": administrator only; `forbidden` to anyone else). No call
 * ever answers with a password: views carry `hasPassword` only.
 */
export const mailboxCalls = {
  list: call(none, z.array(mailboxViewSchema)),
  create: call(mailboxCreateSchema, mailboxViewSchema),
  update: call(mailboxUpdateSchema, mailboxViewSchema),
  /** DNS, TCP, TLS, authentication and folders, step by step, for IMAP and SMTP. */
  test: call(mailboxTestInputSchema, connectionReportSchema),
};
