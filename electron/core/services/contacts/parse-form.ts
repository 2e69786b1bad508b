import type { z } from 'zod';
import { AppFailure, validationError } from '../../../../shared/contract';

/**
 * Applies a form's schema in the core, where "today" is the core's clock (see `judgedByCore`):
 * a refusal has the dispatcher's shape, so the renderer shows it the same way.
 */
export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppFailure(validationError(parsed.error.issues));
  return parsed.data;
}
