import { freeText } from './useCaseFields';
import type { Zod } from './zod';

export const MAX_KEY_RESULTS = 10;
export const MAX_KEY_RESULT_LENGTH = 200;

const keyResult = (z: Zod) => freeText(z, MAX_KEY_RESULT_LENGTH);
const keyResultList = (z: Zod) =>
  z
    .array(keyResult(z))
    .max(MAX_KEY_RESULTS, `expected at most ${MAX_KEY_RESULTS} key results`);

/**
 * Key results of a use case: a list, or the form's one optional text field with a key result per
 * line (empty when left blank). It becomes a list of non-blank texts.
 *
 * Only `transform` is used, never `pipe` or `preprocess`: the scaffolder publishes the zod
 * schema's *input* side as JSON Schema (zod-to-json-schema) and validates the rendered step input
 * with it before the handler runs. A `pipe` into an array publishes `allOf: [input, array]`, which
 * no text can satisfy — that rejected every run with a key result (issue 9).
 */
export const keyResults = (z: Zod) =>
  z
    .union(
      [
        keyResultList(z),
        z
          .string()
          .max(
            MAX_KEY_RESULTS * (MAX_KEY_RESULT_LENGTH + 2),
            `expected at most ${MAX_KEY_RESULTS} lines of ${MAX_KEY_RESULT_LENGTH} characters`,
          ),
      ],
      {
        errorMap: () => ({
          message: `expected a text (one key result per line) or a list of at most ${MAX_KEY_RESULTS} texts`,
        }),
      },
    )
    .optional()
    .transform((value, ctx) => {
      const lines =
        typeof value === 'string' ? value.split(/\r?\n/) : value ?? [];
      const result = keyResultList(z).safeParse(
        lines.filter(line => line.trim() !== ''),
      );
      if (result.success) {
        return result.data;
      }
      result.error.issues.forEach(issue => ctx.addIssue(issue));
      return z.NEVER;
    });
