import { parseFilterPredicate } from '@backstage/filter-predicates';
import { compilePredicate, PredicateCompileError } from './compilePredicate';
import { compileMaturityModel } from './compileMaturityModel';
import { defaultMaturityModel } from './defaultMaturityModel';
import { MaturityModelError } from './MaturityModelError';
import { parseIsoDuration } from './isoDuration';
import type {
  FactRequirement,
  MaturityCheck,
  MaturityLevel,
  MaturityModel,
} from './types';
import { CHECK_ID_PATTERN } from './validateModelShape';
import type {
  MaturityModelCheck,
  MaturityModelFactRequirement,
} from '../schema/openapi';

const ROOT = 'mlops.maturity';

type Json = Record<string, unknown>;

const fail = (key: string, problem: string): never => {
  throw new MaturityModelError(key, problem);
};

const got = (value: unknown) =>
  value === undefined ? 'nothing' : JSON.stringify(value);

function expectObject(value: unknown, key: string, allowed: string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(key, `expected an object, got ${got(value)}`);
  }
  for (const field of Object.keys(value)) {
    if (!allowed.includes(field)) {
      fail(
        `${key}.${field}`,
        `unknown key; expected one of ${allowed.join(', ')}`,
      );
    }
  }
  return value as Json;
}

function expectArray(value: unknown, key: string): unknown[] {
  return Array.isArray(value)
    ? value
    : fail(key, `expected a list, got ${got(value)}`);
}

function expectString(value: unknown, key: string): string {
  return typeof value === 'string' && value.trim() !== ''
    ? value
    : fail(key, `expected a non-empty string, got ${got(value)}`);
}

function expectStringList(value: unknown, key: string): string[] {
  return expectArray(value, key).map((item, i) =>
    expectString(item, `${key}[${i}]`),
  );
}

function expectInteger(value: unknown, key: string, min: number): number {
  return Number.isInteger(value) && (value as number) >= min
    ? (value as number)
    : fail(key, `expected a whole number ≥ ${min}, got ${got(value)}`);
}

/**
 * Our compiler runs first because it names the exact spot ("…condition.spec.x.$gt"); the
 * maintained filter-predicates schema then rejects anything else it would not accept.
 */
function expectPredicate(value: unknown, key: string) {
  try {
    compilePredicate(value);
    parseFilterPredicate(value);
  } catch (error) {
    if (error instanceof PredicateCompileError) {
      fail(error.where ? `${key}.${error.where}` : key, error.problem);
    }
    fail(key, (error as Error).message);
  }
  return value as MaturityCheck['condition'];
}

function mergeLevels(value: unknown, base: MaturityLevel[]): MaturityLevel[] {
  const key = `${ROOT}.levels`;
  const levels = new Map(base.map(l => [l.level, l]));
  expectArray(value, key).forEach((item, i) => {
    const at = `${key}[${i}]`;
    const raw = expectObject(item, at, ['level', 'name', 'description']);
    const level = expectInteger(raw.level, `${at}.level`, 0);
    levels.set(level, {
      ...levels.get(level),
      level,
      name: expectString(raw.name, `${at}.name`),
      ...(raw.description !== undefined
        ? { description: expectString(raw.description, `${at}.description`) }
        : {}),
    });
  });
  return [...levels.values()].sort((a, b) => a.level - b.level);
}

/**
 * The keys a configured check and its fact may have. Typed as records over the wire types'
 * keys, so a field added to (or removed from) `MaturityModelCheck` in openapi.yaml is a
 * compile error here until config parsing follows.
 */
const CHECK_KEYS: Record<keyof MaturityModelCheck, true> = {
  id: true,
  title: true,
  level: true,
  group: true,
  required: true,
  description: true,
  remediation: true,
  templateRef: true,
  appliesTo: true,
  condition: true,
  fact: true,
};
const CHECK_FIELDS = Object.keys(CHECK_KEYS);

const FACT_KEYS: Record<keyof MaturityModelFactRequirement, true> = {
  type: true,
  within: true,
  where: true,
  version: true,
  requireCondition: true,
};
const FACT_FIELDS = Object.keys(FACT_KEYS);

/** A check's `fact`: the type, the window, the predicate on the fact's data. */
function readFact(value: unknown, at: string): FactRequirement {
  const raw = expectObject(value, at, FACT_FIELDS);
  const fact: FactRequirement = { type: expectString(raw.type, `${at}.type`) };
  if (raw.within !== undefined) {
    const within = expectString(raw.within, `${at}.within`);
    if (parseIsoDuration(within) === undefined) {
      fail(
        `${at}.within`,
        `expected an ISO-8601 duration such as P30D or PT12H, got ${got(
          within,
        )}`,
      );
    }
    fact.within = within;
  }
  if (raw.where !== undefined)
    fact.where = expectPredicate(raw.where, `${at}.where`);
  if (raw.version !== undefined) {
    if (raw.version !== 'deployed' && raw.version !== 'not-deployed') {
      fail(
        `${at}.version`,
        `expected deployed or not-deployed, got ${got(raw.version)}`,
      );
    }
    fact.version = raw.version as FactRequirement['version'];
  }
  if (raw.requireCondition !== undefined) {
    if (typeof raw.requireCondition !== 'boolean') {
      fail(
        `${at}.requireCondition`,
        `expected true or false, got ${got(raw.requireCondition)}`,
      );
    }
    fact.requireCondition = raw.requireCondition as boolean;
  }
  return fact;
}

/** Fields given override the default check with the same id; new ids need the basics. */
function readCheck(
  item: unknown,
  at: string,
  existing?: MaturityCheck,
): MaturityCheck {
  const raw = expectObject(item, at, CHECK_FIELDS);
  const id = expectString(raw.id, `${at}.id`);
  if (!CHECK_ID_PATTERN.test(id)) {
    fail(
      `${at}.id`,
      `expected lower-case letters, digits and dashes, got ${got(id)}`,
    );
  }
  if (!existing) {
    for (const field of ['title', 'level', 'remediation']) {
      if (raw[field] === undefined) {
        fail(`${at}.${field}`, `required for the new check '${id}'`);
      }
    }
    if (raw.condition === undefined && raw.fact === undefined) {
      fail(
        `${at}.condition`,
        `the new check '${id}' needs a condition, a fact, or both`,
      );
    }
  }
  const text = (field: string) =>
    raw[field] === undefined
      ? undefined
      : expectString(raw[field], `${at}.${field}`);
  const check: MaturityCheck = {
    id,
    title: text('title') ?? existing?.title ?? '',
    level:
      raw.level === undefined
        ? existing!.level
        : expectInteger(raw.level, `${at}.level`, 1),
    group: text('group') ?? existing?.group ?? 'core',
    required: existing?.required ?? true,
    description: text('description') ?? existing?.description ?? '',
    remediation: text('remediation') ?? existing?.remediation ?? '',
  };
  // `condition: null` / `fact: null` drop a default's declaration or observation.
  const condition =
    raw.condition === undefined
      ? existing?.condition
      : raw.condition !== null &&
        expectPredicate(raw.condition, `${at}.condition`);
  if (condition) check.condition = condition;
  const fact =
    raw.fact === undefined
      ? existing?.fact
      : raw.fact !== null && readFact(raw.fact, `${at}.fact`);
  if (fact) check.fact = fact;
  if (check.condition === undefined && check.fact === undefined) {
    fail(at, `check '${id}' needs a condition, a fact, or both`);
  }
  if (raw.required !== undefined) {
    if (typeof raw.required !== 'boolean') {
      fail(
        `${at}.required`,
        `expected true or false, got ${got(raw.required)}`,
      );
    }
    check.required = raw.required as boolean;
  }
  const templateRef = text('templateRef') ?? existing?.templateRef;
  if (templateRef) check.templateRef = templateRef;
  const appliesTo =
    raw.appliesTo === undefined
      ? existing?.appliesTo
      : expectPredicate(raw.appliesTo, `${at}.appliesTo`);
  if (appliesTo !== undefined) check.appliesTo = appliesTo;
  return check;
}

function mergeChecks(value: unknown, base: MaturityCheck[]): MaturityCheck[] {
  const key = `${ROOT}.checks`;
  const checks = new Map(base.map(c => [c.id, c]));
  const seen = new Set<string>();
  expectArray(value, key).forEach((item, i) => {
    const at = `${key}[${i}]`;
    const id = (item as Json | null)?.id;
    if (typeof id === 'string' && seen.has(id)) {
      fail(`${at}.id`, `check '${id}' is configured twice`);
    }
    const check = readCheck(
      item,
      at,
      typeof id === 'string' ? checks.get(id) : undefined,
    );
    seen.add(check.id);
    checks.set(check.id, check);
  });
  return [...checks.values()];
}

function removeDisabled(
  value: unknown,
  checks: MaturityCheck[],
): MaturityCheck[] {
  const key = `${ROOT}.disabledChecks`;
  const ids = expectStringList(value, key);
  ids.forEach((id, i) => {
    if (!checks.some(c => c.id === id)) {
      fail(
        `${key}[${i}]`,
        `unknown check '${id}'; known checks: ${checks
          .map(c => c.id)
          .join(', ')}`,
      );
    }
  });
  return checks.filter(c => !ids.includes(c.id));
}

/**
 * Reads the JSON under app-config `mlops.maturity`, merges it with the base model (the
 * default unless given) and returns the resulting model. Pure. Throws a
 * {@link MaturityModelError} whose message names the offending key, e.g.
 * `mlops.maturity.checks[3].condition`.
 *
 * - `levels`: rename levels or add new ones (by `level` number)
 * - `checks`: add checks, or override fields of a check with the same id
 * - `disabledChecks`: ids of checks to drop
 * - `entityFilter`: `{ kinds, types }` of entities that count as ML use cases
 * - `evidence`: `observed` (default) or `declared`, what counts toward a level
 * - a check's `fact`: `{ type, within, where, version, requireCondition }`
 *
 * @public
 */
export function parseMaturityModelConfig(
  config: unknown,
  base: MaturityModel = defaultMaturityModel,
): MaturityModel {
  if (config === undefined || config === null) return base;
  const raw = expectObject(config, ROOT, [
    'levels',
    'checks',
    'disabledChecks',
    'entityFilter',
    'evidence',
    // Read by the catalog module's facts refresh, not part of the model.
    'factsRefreshSeconds',
  ]);
  const levels =
    raw.levels === undefined
      ? base.levels
      : mergeLevels(raw.levels, base.levels);
  let checks =
    raw.checks === undefined
      ? base.checks
      : mergeChecks(raw.checks, base.checks);
  if (raw.disabledChecks !== undefined) {
    checks = removeDisabled(raw.disabledChecks, checks);
  }
  let entityFilter = base.entityFilter;
  if (raw.entityFilter !== undefined) {
    const key = `${ROOT}.entityFilter`;
    const filter = expectObject(raw.entityFilter, key, ['kinds', 'types']);
    entityFilter = {
      kinds:
        filter.kinds === undefined
          ? entityFilter.kinds
          : expectStringList(filter.kinds, `${key}.kinds`),
      types:
        filter.types === undefined
          ? entityFilter.types
          : expectStringList(filter.types, `${key}.types`),
    };
  }
  let evidence = base.evidence;
  if (raw.evidence !== undefined) {
    if (raw.evidence !== 'observed' && raw.evidence !== 'declared') {
      fail(
        `${ROOT}.evidence`,
        `expected observed or declared, got ${got(raw.evidence)}`,
      );
    }
    evidence = raw.evidence as MaturityModel['evidence'];
  }
  const model: MaturityModel = {
    levels,
    checks,
    entityFilter,
    evidenceFormats: base.evidenceFormats,
    ...(evidence ? { evidence } : {}),
  };
  try {
    compileMaturityModel(model);
  } catch (error) {
    if (error instanceof MaturityModelError) {
      // Per-entry problems were reported above; what is left concerns the merged whole.
      const check = /^checks\[(\d+)\]/.exec(error.where);
      const where = check
        ? `${ROOT}.checks (check '${checks[Number(check[1])].id}')`
        : `${ROOT}.${error.where}`;
      throw new MaturityModelError(where, error.problem);
    }
    throw error;
  }
  return model;
}
