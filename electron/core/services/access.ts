import { AppFailure } from '../../../shared/contract';
import type { AgentSummary } from '../../../shared/domain/agent';
import { can } from '../../../shared/domain/rights';

/** PRODUCT.md "Roles": supervisors see every agent's desks and the Validation desk. */
export const canSupervise = (actor: AgentSummary): boolean => can(actor, 'view_all_desks');

export const forbidden = (message: string) => new AppFailure({ code: 'forbidden', message });

export const notFound = (message: string) => new AppFailure({ code: 'not_found', message });

export const invalidField = (field: string, message: string) =>
  new AppFailure({ code: 'validation', message, fields: { [field]: message } });
