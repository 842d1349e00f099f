import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/**
 * Resolves a path taken from action input inside `base`. resolveSafeChildPath's own error
 * names neither the field nor what was expected, so a data scientist could not act on it.
 */
export function safeInputPath(options: {
  actionId: string;
  field: string;
  base: string;
  path: string;
  inside: string;
}): string {
  try {
    return resolveSafeChildPath(options.base, options.path);
  } catch {
    throw new InputError(
      `Invalid input to ${options.actionId}: ${options.field}: expected a path inside the ${options.inside}, got "${options.path}"`,
    );
  }
}
