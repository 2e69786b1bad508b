import { z } from 'zod';
import {
  contactCardSchema,
  contactCaseSchema,
  contactCreateInput,
  contactIdInput,
  contactSearchInput,
  contactSummarySchema,
  contactUpdateInput,
  emailCheckInput,
} from '../../domain/contact-view';
import { call } from '../define';

/**
 * The contact cards. `create` and `update` are judged by the core with the contact schema (its
 * clock decides what "a past date" is); an address another card has is refused with `conflict`,
 * the owner's id in `fields.existingContactId`.
 */
export const contactCalls = {
  search: call(contactSearchInput, z.array(contactSummarySchema)),
  get: call(contactIdInput, contactCardSchema),
  create: call(contactCreateInput, contactCardSchema),
  update: call(contactUpdateInput, contactCardSchema),
  /** All the contact's cases, newest first. */
  history: call(contactIdInput, z.array(contactCaseSchema)),
  /** The card that already has this address, if any: the form warns while the agent types. */
  checkEmail: call(emailCheckInput, contactCardSchema.nullable()),
};
