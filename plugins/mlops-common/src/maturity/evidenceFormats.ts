import { describePath, describeValue } from './describeValue';
import { splitStringMapPath } from './resolvePath';
import type { EvidenceFormat } from './types';

/**
 * Reads one evidence field. `value` is what checks see: the raw value, or undefined when it
 * is absent, negated ("false") or malformed. `problem` names a malformed value.
 */
export interface EvidenceReader {
  value(raw: unknown): unknown;
  problem(raw: unknown): string | undefined;
  /** The format, for callers that classify many fields through {@link classifyEvidence}. */
  format: CompiledEvidenceFormat;
}

// Plain numbers rather than an enum: this runs for every evidence field of every entity.
export const Reading = { Present: 0, Absent: 1, Malformed: 2 } as const;
// The value and its type share a name on purpose (the usual TypeScript enum-object idiom).
// eslint-disable-next-line @typescript-eslint/no-redeclare
export type Reading = (typeof Reading)[keyof typeof Reading];

const NEGATIONS = new Set(['', 'false', 'no', 'none', 'off', 'disabled']);
// First letters (lower-cased char codes) of the negations. Most values start with another
// printable ASCII character and are known present without trimming or lower-casing a copy:
// this runs for every flag of every entity.
const NEGATION_INITIALS = new Set(
  [...NEGATIONS].filter(Boolean).map(n => n.charCodeAt(0)),
);
const isPrintableAscii = (code: number) => code > 0x20 && code < 0x7f;

function isNegation(s: string): boolean {
  const first = s.charCodeAt(0);
  // `| 0x20` lower-cases an ASCII letter.
  if (isPrintableAscii(first) && !NEGATION_INITIALS.has(first | 0x20))
    return false;
  return NEGATIONS.has(s.trim().toLowerCase());
}

// Trimming is only needed to tell blank text, so a printable first character settles it.
const isBlank = (s: string) =>
  !isPrintableAscii(s.charCodeAt(0)) && s.trim() === '';
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

// Formats compiled to a kind number and classified by one function with a switch: the
// call site reading every field of every entity then always calls the same function,
// which V8 inlines, instead of one closure per field.
const Kind = {
  AnyString: 0,
  Flag: 1,
  Text: 2,
  NonNegativeNumber: 3,
  OneOrMoreOf: 4,
  EntityRefList: 5,
} as const;

/** An evidence format prepared for {@link classifyEvidence}. */
export interface CompiledEvidenceFormat {
  kind: (typeof Kind)[keyof typeof Kind];
  /** Lower-cased allowed items of `one-or-more-of`. */
  allowed: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

function compileFormat(
  format: EvidenceFormat | undefined,
): CompiledEvidenceFormat {
  switch (format?.type) {
    case undefined:
      return { kind: Kind.AnyString, allowed: NONE };
    case 'flag':
      return { kind: Kind.Flag, allowed: NONE };
    case 'text':
      return { kind: Kind.Text, allowed: NONE };
    case 'non-negative-number':
      return { kind: Kind.NonNegativeNumber, allowed: NONE };
    case 'one-or-more-of':
      return {
        kind: Kind.OneOrMoreOf,
        allowed: new Set(format.values.map(v => v.toLowerCase())),
      };
    case 'entity-ref-list':
      return { kind: Kind.EntityRefList, allowed: NONE };
    default:
      throw new Error(
        `unknown evidence format ${JSON.stringify(
          (format as { type: unknown }).type,
        )}`,
      );
  }
}

function classifyList(raw: unknown): Reading {
  if (raw === undefined) return Reading.Absent;
  if (!Array.isArray(raw)) return Reading.Malformed;
  for (const item of raw) {
    if (typeof item !== 'string') return Reading.Malformed;
  }
  return raw.length === 0 ? Reading.Absent : Reading.Present;
}

function isOneOrMoreOf(s: string, allowed: ReadonlySet<string>): boolean {
  // A single item (the usual case) needs no split.
  if (!s.includes(',')) return allowed.has(s.trim().toLowerCase());
  return s.split(',').every(item => allowed.has(item.trim().toLowerCase()));
}

/** Whether a raw value is present, absent (missing or negated) or malformed. */
export function classifyEvidence(
  format: CompiledEvidenceFormat,
  raw: unknown,
): Reading {
  if (format.kind === Kind.EntityRefList) return classifyList(raw);
  if (typeof raw !== 'string') {
    return raw === undefined ? Reading.Absent : Reading.Malformed;
  }
  switch (format.kind) {
    case Kind.Flag:
      return isNegation(raw) ? Reading.Absent : Reading.Present;
    case Kind.Text:
      return isBlank(raw) ? Reading.Absent : Reading.Present;
    case Kind.NonNegativeNumber:
      return NON_NEGATIVE_NUMBER.test(raw)
        ? Reading.Present
        : Reading.Malformed;
    case Kind.OneOrMoreOf:
      return isOneOrMoreOf(raw, format.allowed)
        ? Reading.Present
        : Reading.Malformed;
    default:
      return Reading.Present;
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
  const isStringMap = splitStringMapPath(path) !== undefined;
  if (!format && !isStringMap) return undefined;
  const compiled = compileFormat(format);
  const classify = (raw: unknown) => classifyEvidence(compiled, raw);
  const expected = expectedText(format);
  return {
    format: compiled,
    value: raw => (classify(raw) === Reading.Present ? raw : undefined),
    problem: raw =>
      classify(raw) === Reading.Malformed
        ? `${describePath(path)} is ${describeValue(raw)}, expected ${expected}`
        : undefined,
  };
}
