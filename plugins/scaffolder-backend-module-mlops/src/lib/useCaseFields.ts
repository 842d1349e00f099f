import { DEFAULT_ML_TYPES } from '@landing-zone/plugin-mlops-common';
import type { Zod } from './zod';

/**
 * Field schemas of an ML use case, shared by every mlops:* action so the form, the guardrails
 * and the manifest agree on what a valid value is. Each takes the `z` the scaffolder hands to
 * an action's schema callback. Each message says what was expected; the
 * field name is added by `parseInput`.
 */

export const DATA_CLASSIFICATIONS = [
  'public',
  'internal',
  'confidential',
  'health',
  'pii',
] as const;

export const COMPUTE_TIERS = [
  'cpu-small',
  'cpu-large',
  'gpu-small',
  'gpu-large',
] as const;

/** The ML component types a golden path may create: the default model's (one home). */
export const USE_CASE_TYPES = DEFAULT_ML_TYPES;

/**
 * Bidirectional overrides, zero-width characters and C0/C1 controls make a text look different
 * from what it is (a "trojan source" in a YAML file or a commit), so free text may not carry them.
 */
const DECEPTIVE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

export const MAX_TEXT_LENGTH = 500;

/** Lowercase DNS-label style, the common denominator of entity names, repositories and images. */
export const useCaseName = (z: Zod) =>
  z
    .string({
      required_error: 'is required',
      invalid_type_error: 'expected a string',
    })
    .min(3, 'expected at least 3 characters')
    .max(63, 'expected at most 63 characters')
    .regex(
      /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
      'expected lowercase letters, digits and single hyphens, starting with a letter (e.g. "churn-forecast")',
    );

export const freeText = (z: Zod, max = MAX_TEXT_LENGTH) =>
  z
    .string({
      required_error: 'is required',
      invalid_type_error: 'expected a string',
    })
    .trim()
    .min(1, 'expected a non-empty text')
    .max(max, `expected at most ${max} characters`)
    .refine(
      value => !DECEPTIVE_CHARACTERS.test(value),
      'expected printable text without control, zero-width or bidirectional-override characters',
    )
    .refine(
      value => value.normalize('NFC') === value,
      'expected Unicode text in NFC normal form',
    );

export const groupRef = (z: Zod) =>
  z
    .string({
      required_error: 'is required',
      invalid_type_error: 'expected a string',
    })
    .max(253, 'expected at most 253 characters')
    // No `i` flag: zod-to-json-schema drops regex flags, so the published pattern would be
    // case-sensitive and refuse refs the handler accepts (entity names keep their case).
    .regex(
      /^([Gg][Rr][Oo][Uu][Pp]:)?([A-Za-z0-9][A-Za-z0-9._-]*\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/,
      'expected a group entity reference such as "group:default/fraud-analytics"',
    );

export const dataClassification = (z: Zod) =>
  z.enum(DATA_CLASSIFICATIONS, {
    errorMap: () => ({
      message: `expected one of ${DATA_CLASSIFICATIONS.join(', ')}`,
    }),
  });

export const computeTier = (z: Zod) =>
  z.enum(COMPUTE_TIERS, {
    errorMap: () => ({
      message: `expected one of ${COMPUTE_TIERS.join(', ')}`,
    }),
  });

export const useCaseType = (z: Zod) =>
  z.enum(USE_CASE_TYPES, {
    errorMap: () => ({
      message: `expected one of ${USE_CASE_TYPES.join(', ')}`,
    }),
  });

/** ISO-3166 style region code with an optional sub-region, e.g. "ca", "eu", "us-east". */
export const region = (z: Zod) =>
  z
    .string({
      required_error: 'is required',
      invalid_type_error: 'expected a string',
    })
    .regex(
      /^[a-z]{2}(-[a-z0-9]{1,20})?$/,
      'expected a region code such as "ca", "eu" or "us-east"',
    );

/** GPU-hours per month. A form sends numbers as numbers; strings are refused on purpose. */
export const gpuBudget = (z: Zod) =>
  z
    .number({
      required_error: 'is required',
      invalid_type_error: 'expected a number',
    })
    .finite('expected a finite number')
    .min(0, 'expected a number of GPU-hours per month, 0 or more')
    .max(100_000, 'expected at most 100000 GPU-hours per month');

export const targetLevel = (z: Zod) =>
  z
    .number({
      required_error: 'is required',
      invalid_type_error: 'expected the number 1 or 2',
    })
    .int('expected the number 1 or 2')
    .min(1, 'expected the number 1 or 2')
    .max(2, 'expected the number 1 or 2');

export const modelProvider = (z: Zod) =>
  z
    .string({ invalid_type_error: 'expected a string' })
    .regex(
      /^[a-z][a-z0-9-]{1,40}$/,
      'expected a provider id such as "azure-openai", "anthropic" or "self-hosted"',
    );

/** A path relative to the workspace; `resolveSafeChildPath` is still applied when it is used. */
export const relativePath = (z: Zod) =>
  z
    .string({ invalid_type_error: 'expected a string' })
    .max(255, 'expected at most 255 characters')
    .refine(
      value => !value.includes('\0'),
      'expected a path without NUL characters',
    );
