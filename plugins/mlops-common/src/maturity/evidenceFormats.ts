import { describePath, describeValue } from './describeValue';
import type { EvidenceFormat } from './types';

/**
 * Reads one evidence field. `value` is what checks see: the raw value, or undefined when it
 * is absent, negated ("false") or malformed. `problem` names a malformed value.
 */
export interface EvidenceReader {
  value(raw: unknown): unknown;
  problem(raw: unknown): string | undefined;
}

// Plain numbers rather than an enum: this runs for every evidence field of every entity.
const Reading = { Present: 0, Absent: 1, Malformed: 2 } as const;
// The value and its type share a name on purpose (the usual TypeScript enum-object idiom).
// eslint-disable-next-line @typescript-eslint/no-redeclare
type Reading = (typeof Reading)[keyof typeof Reading];

const NEGATIONS = new Set(['', 'false', 'no', 'none', 'off', 'disabled']);
const NON_NEGATIVE_NUMBER = /^\s*\d+(\.\d+)?\s*$/;

function expectedText(format: EvidenceFormat | undefined): string {
  switch (format?.type) {
    case 'non-negative-number':
      return 'a number ≥ 0 as a string, e.g. "120"';
    case 'one-or-more-of':
      return `a comma-separated list of: ${format.values.join(', ')}`;
    case 'entity-ref-list':
      return 'a list of entity refs (strings)';
    case 'flag':
    case 'text':
      return 'a non-empty string';
    default:
      return 'a string';
  }
}

function compileClassifier(
  format: EvidenceFormat | undefined,
): (raw: unknown) => Reading {
  const str =
    (inner: (s: string) => Reading) =>
    (raw: unknown): Reading => {
      if (raw === undefined) return Reading.Absent;
      return typeof raw === 'string' ? inner(raw) : Reading.Malformed;
    };
  switch (format?.type) {
    case undefined:
      return str(() => Reading.Present);
    case 'flag':
      return str(s =>
        NEGATIONS.has(s.trim().toLowerCase()) ? Reading.Absent : Reading.Present,
      );
    case 'text':
      return str(s => (s.trim() === '' ? Reading.Absent : Reading.Present));
    case 'non-negative-number':
      return str(s =>
        NON_NEGATIVE_NUMBER.test(s) ? Reading.Present : Reading.Malformed,
      );
    case 'one-or-more-of': {
      const allowed = new Set(format.values.map(v => v.toLowerCase()));
      return str(s =>
        s
          .split(',')
          .every(item => allowed.has(item.trim().toLowerCase()))
          ? Reading.Present
          : Reading.Malformed,
      );
    }
    case 'entity-ref-list':
      return raw => {
        if (raw === undefined) return Reading.Absent;
        if (!Array.isArray(raw)) return Reading.Malformed;
        for (const item of raw) {
          if (typeof item !== 'string') return Reading.Malformed;
        }
        return raw.length === 0 ? Reading.Absent : Reading.Present;
      };
    default:
      throw new Error(
        `unknown evidence format ${JSON.stringify((format as { type: unknown }).type)}`,
      );
  }
}

/**
 * Compiles the reader for one evidence field, or undefined when the field needs none.
 * Annotation and label values must be strings (the entity schema says so) even without a
 * declared format.
 */
export function compileEvidenceReader(
  path: string,
  format: EvidenceFormat | undefined,
): EvidenceReader | undefined {
  const isStringMap =
    path.startsWith('metadata.annotations.') ||
    path.startsWith('metadata.labels.');
  if (!format && !isStringMap) return undefined;
  const classify = compileClassifier(format);
  const expected = expectedText(format);
  return {
    value: raw => (classify(raw) === Reading.Present ? raw : undefined),
    problem: raw =>
      classify(raw) === Reading.Malformed
        ? `${describePath(path)} is ${describeValue(raw)}, expected ${expected}`
        : undefined,
  };
}
