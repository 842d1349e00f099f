import {
  CI_RUN_STATUSES,
  FACT_LIMITS,
  FactType,
  RETRAINING_TRIGGERS,
} from './types';

/**
 * Field-by-field checks of a fact's `data`, one table per type. A check reports problems
 * as `<path>: <what was expected>` so a 400 names the field a pipeline got wrong.
 */
export type FieldCheck = (
  value: unknown,
  path: string,
  errors: string[],
) => void;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `a.b` for identifier-like keys, `a["odd key"]` otherwise, so paths stay unambiguous. */
export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key)}]`;
}

export const string: FieldCheck = (value, path, errors) => {
  if (typeof value !== 'string' || value.length === 0) {
    errors.push(`${path}: expected a non-empty string`);
  } else if (value.length > FACT_LIMITS.maxStringLength) {
    errors.push(
      `${path}: expected at most ${FACT_LIMITS.maxStringLength} characters`,
    );
  }
};

export const number: FieldCheck = (value, path, errors) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.push(`${path}: expected a number`);
  }
};

export const boolean: FieldCheck = (value, path, errors) => {
  if (typeof value !== 'boolean') {
    errors.push(`${path}: expected true or false`);
  }
};

export function oneOf(values: readonly string[]): FieldCheck {
  return (value, path, errors) => {
    if (typeof value !== 'string' || !values.includes(value)) {
      errors.push(`${path}: expected one of ${values.join(', ')}`);
    }
  };
}

export function arrayOf(item: FieldCheck): FieldCheck {
  return (value, path, errors) => {
    if (!Array.isArray(value)) {
      errors.push(`${path}: expected an array`);
      return;
    }
    if (value.length > FACT_LIMITS.maxEntries) {
      errors.push(`${path}: expected at most ${FACT_LIMITS.maxEntries} items`);
      return;
    }
    value.forEach((v, i) => item(v, `${path}[${i}]`, errors));
  };
}

/** A map with free keys, e.g. metrics by name. */
export function mapOf(item: FieldCheck): FieldCheck {
  return (value, path, errors) => {
    if (!isPlainObject(value)) {
      errors.push(`${path}: expected an object`);
      return;
    }
    const entries = Object.entries(value);
    if (entries.length > FACT_LIMITS.maxEntries) {
      errors.push(`${path}: expected at most ${FACT_LIMITS.maxEntries} keys`);
      return;
    }
    for (const [key, v] of entries) {
      if (key.length === 0 || key.length > FACT_LIMITS.maxKeyLength) {
        errors.push(
          `${path}: keys must have 1 to ${FACT_LIMITS.maxKeyLength} characters`,
        );
        continue;
      }
      item(v, childPath(path, key), errors);
    }
  };
}

interface Field {
  check: FieldCheck;
  required: boolean;
}

const required = (check: FieldCheck): Field => ({ check, required: true });
const optional = (check: FieldCheck): Field => ({ check, required: false });

/** Known fields per type; other keys in `data` are kept unchecked. */
export const FACT_DATA_FIELDS: Record<FactType, Record<string, Field>> = {
  'training-run': {
    runId: required(string),
    experiment: optional(string),
    metrics: required(mapOf(number)),
    params: optional(mapOf(string)),
    datasetFingerprint: optional(string),
  },
  'model-version': {
    registry: required(string),
    model: required(string),
    version: required(string),
    aliases: required(arrayOf(string)),
    stage: optional(string),
    runId: optional(string),
    metrics: optional(mapOf(number)),
  },
  evaluation: {
    suite: required(string),
    score: required(number),
    threshold: required(number),
    passed: required(boolean),
    modelVersion: optional(string),
  },
  deployment: {
    environment: required(string),
    version: required(string),
    imageDigest: optional(string),
  },
  'drift-check': {
    features: required(mapOf(number)),
    statistic: optional(string),
    threshold: required(number),
    breached: required(boolean),
  },
  retraining: {
    trigger: required(oneOf(RETRAINING_TRIGGERS)),
    runId: required(string),
  },
  'ci-run': {
    status: required(oneOf(CI_RUN_STATUSES)),
    commit: required(string),
    workflow: optional(string),
    imageDigest: optional(string),
  },
  repository: {
    commit: required(string),
    files: required(arrayOf(string)),
  },
};

/** Checks `data` of a fact of `type`; `path` is e.g. `facts[3].data`. */
export function checkFactData(
  type: FactType,
  data: unknown,
  path: string,
  errors: string[],
): void {
  if (!isPlainObject(data)) {
    errors.push(`${path}: expected an object`);
    return;
  }
  if (data.found !== undefined) {
    boolean(data.found, childPath(path, 'found'), errors);
  }
  // "Looked and found nothing" (e.g. no such MLflow experiment): the type's observation
  // fields do not exist, but whatever is given must still have the right shape.
  const notFound = data.found === false;
  for (const [key, field] of Object.entries(FACT_DATA_FIELDS[type])) {
    const value = data[key];
    if (value === undefined || value === null) {
      if (field.required && !notFound) {
        errors.push(`${childPath(path, key)}: required in ${type} facts`);
      }
      continue;
    }
    field.check(value, childPath(path, key), errors);
  }
}
