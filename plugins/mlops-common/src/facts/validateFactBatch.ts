import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { checkFactData } from './factDataSchemas';
import { FACT_LIMITS, FACT_TYPES, Fact, FactType } from './types';

/** @public */
export type FactBatchValidation =
  | { ok: true; facts: Fact[] }
  | { ok: false; errors: string[] };

const FACT_KEYS = new Set([
  'entityRef',
  'type',
  'source',
  'id',
  'observedAt',
  'data',
]);

/** ISO-8601 date-time with an explicit offset (`Z` or `±hh:mm`). */
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Most errors reported for one request: enough to fix a batch, small enough to read. */
const MAX_ERRORS = 20;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkKey(value: unknown, path: string, errors: string[]) {
  if (typeof value !== 'string' || value.trim().length === 0) {
    errors.push(`${path}: expected a non-empty string`);
  } else if (value.length > FACT_LIMITS.maxKeyLength) {
    errors.push(
      `${path}: expected at most ${FACT_LIMITS.maxKeyLength} characters`,
    );
  }
}

function normalizeEntityRef(
  value: unknown,
  path: string,
  errors: string[],
): string | undefined {
  if (
    typeof value !== 'string' ||
    !/^[^:/\s]+:[^:/\s]+\/[^:/\s]+$/.test(value)
  ) {
    errors.push(
      `${path}: expected a full entity ref like component:default/churn-model`,
    );
    return undefined;
  }
  try {
    return stringifyEntityRef(parseEntityRef(value)).toLocaleLowerCase('en-US');
  } catch (e) {
    errors.push(`${path}: ${(e as Error).message}`);
    return undefined;
  }
}

function normalizeInstant(
  value: unknown,
  path: string,
  now: number,
  errors: string[],
): string | undefined {
  const millis =
    typeof value === 'string' && ISO_INSTANT.test(value)
      ? Date.parse(value)
      : NaN;
  if (Number.isNaN(millis)) {
    errors.push(
      `${path}: expected an ISO-8601 date-time with offset, e.g. 2026-12-01T10:00:00Z`,
    );
    return undefined;
  }
  if (millis > now + FACT_LIMITS.maxClockSkewMs) {
    errors.push(`${path}: is in the future`);
    return undefined;
  }
  return new Date(millis).toISOString();
}

function validateFact(
  raw: unknown,
  path: string,
  now: number,
  errors: string[],
): Fact | undefined {
  if (!isPlainObject(raw)) {
    errors.push(`${path}: expected an object`);
    return undefined;
  }
  const before = errors.length;
  for (const key of Object.keys(raw)) {
    if (!FACT_KEYS.has(key)) {
      errors.push(
        `${path}.${key}: unknown field (put observations inside data)`,
      );
    }
  }
  const entityRef = normalizeEntityRef(
    raw.entityRef,
    `${path}.entityRef`,
    errors,
  );
  const type = raw.type as FactType;
  if (!FACT_TYPES.includes(type)) {
    errors.push(`${path}.type: expected one of ${FACT_TYPES.join(', ')}`);
  }
  checkKey(raw.source, `${path}.source`, errors);
  checkKey(raw.id, `${path}.id`, errors);
  const observedAt = normalizeInstant(
    raw.observedAt,
    `${path}.observedAt`,
    now,
    errors,
  );
  if (raw.data === undefined) {
    errors.push(`${path}.data: required`);
  } else if (FACT_TYPES.includes(type)) {
    checkFactData(type, raw.data, `${path}.data`, errors);
    if (
      isPlainObject(raw.data) &&
      JSON.stringify(raw.data).length > FACT_LIMITS.maxDataBytes
    ) {
      errors.push(
        `${path}.data: expected at most ${FACT_LIMITS.maxDataBytes} bytes as JSON`,
      );
    }
  }
  if (errors.length > before) {
    return undefined;
  }
  return {
    entityRef: entityRef!,
    type,
    source: raw.source as string,
    id: raw.id as string,
    observedAt: observedAt!,
    data: raw.data,
  } as Fact;
}

/**
 * Validates a `POST /facts` body: `{ facts: Fact[] }`. Returns the normalised facts
 * (lower-case entity refs, UTC instants) or every problem found, each naming its field,
 * e.g. `facts[3].data.metrics.auc: expected a number`. Either all facts are valid or none
 * is taken, so a rejected batch writes nothing.
 *
 * @public
 */
export function validateFactBatch(
  body: unknown,
  options: { now?: Date; maxBatch?: number } = {},
): FactBatchValidation {
  const now = (options.now ?? new Date()).getTime();
  const maxBatch = options.maxBatch ?? FACT_LIMITS.maxBatch;
  if (!isPlainObject(body)) {
    return {
      ok: false,
      errors: ['body: expected an object { "facts": [...] }'],
    };
  }
  const unknown = Object.keys(body).filter(key => key !== 'facts');
  if (unknown.length > 0) {
    return { ok: false, errors: [`${unknown[0]}: unknown field`] };
  }
  if (!Array.isArray(body.facts)) {
    return { ok: false, errors: ['facts: expected an array of facts'] };
  }
  if (body.facts.length === 0) {
    return { ok: false, errors: ['facts: expected at least one fact'] };
  }
  if (body.facts.length > maxBatch) {
    return {
      ok: false,
      errors: [`facts: expected at most ${maxBatch} facts per request`],
    };
  }

  const errors: string[] = [];
  const facts: Fact[] = [];
  const seen = new Map<string, number>();
  body.facts.forEach((raw, index) => {
    if (errors.length >= MAX_ERRORS) return;
    const fact = validateFact(raw, `facts[${index}]`, now, errors);
    if (!fact) return;
    const key = JSON.stringify([fact.source, fact.id]);
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(
        `facts[${index}].id: source "${fact.source}" and id "${fact.id}" repeat facts[${first}]`,
      );
      return;
    }
    seen.set(key, index);
    facts.push(fact);
  });
  return errors.length > 0
    ? { ok: false, errors: errors.slice(0, MAX_ERRORS) }
    : { ok: true, facts };
}
