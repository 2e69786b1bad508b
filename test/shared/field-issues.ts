import type { z } from 'zod';

/** `[path, message]` of every issue, or [] when the value was accepted: one readable assertion per rule. */
export function issuesOf(result: z.ZodSafeParseResult<unknown>): Array<[string, string]> {
  if (result.success) return [];
  return result.error.issues.map((issue) => [issue.path.map(String).join('.'), issue.message]);
}
