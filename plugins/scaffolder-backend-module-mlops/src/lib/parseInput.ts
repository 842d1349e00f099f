import { InputError } from '@backstage/errors';
import { z } from 'zod/v3';

/**
 * Parses action input with the action's own zod schema. The scaffolder already checks the
 * JSON-schema projection of it, but refinements (unicode rules, cross-field rules) only exist in
 * zod, and actions can also be called directly, so each handler parses again.
 *
 * The error names every failing field with its path, e.g. `dataResidency: expected a region code`.
 */
export function parseInput<T extends z.ZodTypeAny>(
  actionId: string,
  schema: T,
  input: unknown,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  throw new InputError(
    `Invalid input to ${actionId}: ${formatIssues(result.error.issues)}`,
  );
}

export function formatIssues(issues: z.ZodIssue[]): string {
  return issues
    .map(issue => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(input)';
      const message =
        issue.code === 'unrecognized_keys'
          ? `unexpected field(s) ${issue.keys.join(', ')}`
          : issue.message;
      return `${field}: ${message}`;
    })
    .join('; ');
}
