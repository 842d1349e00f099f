/*
 * The maturity model expressed for json-rules-engine, the engine Backstage Tech Insights
 * runs its checks on, as the baseline our evaluator is compared with.
 *
 * It is set up the way Tech Insights uses the engine, which is also the most favourable to
 * it: a "fact retriever" flattens each entity into named facts (one per path a check reads),
 * one rule per check, the engine is built once and `run(facts)` per entity. Evidence formats
 * ("false" means not declared, numbers, lists) become custom operators, the engine's own
 * extension point. The translation is derived from the model, so both evaluators run the same
 * checks, and its semantics are written here independently of src/, so agreement between
 * the two is a real cross-check.
 */
import { Engine, TopLevelCondition } from 'json-rules-engine';
import type { Entity } from '@backstage/catalog-model';
import type { EvidenceFormat, MaturityModel } from '../src';

const NEGATED = new Set(['', 'false', 'no', 'none', 'off', 'disabled']);
const NUMBER = /^\s*\d+(\.\d+)?\s*$/;
const STRING_MAPS = ['metadata.annotations.', 'metadata.labels.'];
// A fact name ending in this reads one key of every item of a list, e.g. relations[].type.
const EACH_ITEM = '[].';

/** Whether a raw value counts as declared evidence under its format (undefined: any string). */
function isDeclared(raw: unknown, format: EvidenceFormat | undefined): boolean {
  if (format?.type === 'entity-ref-list') {
    return (
      Array.isArray(raw) &&
      raw.length > 0 &&
      raw.every(i => typeof i === 'string')
    );
  }
  if (typeof raw !== 'string') return false;
  switch (format?.type) {
    case undefined:
      return true;
    case 'flag':
      return !NEGATED.has(raw.trim().toLowerCase());
    case 'text':
      return raw.trim() !== '';
    case 'non-negative-number':
      return NUMBER.test(raw);
    case 'one-or-more-of': {
      const allowed = format.values.map(v => v.toLowerCase());
      return raw
        .split(',')
        .every(i => allowed.includes(i.trim().toLowerCase()));
    }
    default:
      throw new Error(`unknown evidence format ${JSON.stringify(format)}`);
  }
}

// filter-predicates compares strings case-insensitively.
const sameText = (a: unknown, b: unknown) =>
  typeof a === 'string' &&
  typeof b === 'string' &&
  a.toLowerCase() === b.toLowerCase();

// The engine's types do not export the leaf condition, so it is spelled out here.
type Condition =
  | TopLevelCondition
  | { fact: string; operator: string; value: unknown };

/** Translates one filter predicate into engine conditions, collecting the facts it reads. */
function translate(
  predicate: unknown,
  model: MaturityModel,
  facts: Set<string>,
): Condition {
  const record = predicate as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === '$all') {
    return {
      all: (record.$all as unknown[]).map(p => translate(p, model, facts)),
    };
  }
  if (keys.length === 1 && keys[0] === '$any') {
    return {
      any: (record.$any as unknown[]).map(p => translate(p, model, facts)),
    };
  }
  if (keys.length === 1 && keys[0] === '$not') {
    return { not: translate(record.$not, model, facts) };
  }
  const leaves = keys.map(path =>
    translateLeaf(path, record[path], model, facts),
  );
  return leaves.length === 1 ? leaves[0] : { all: leaves };
}

function translateLeaf(
  path: string,
  matcher: unknown,
  model: MaturityModel,
  facts: Set<string>,
): Condition {
  const format = model.evidenceFormats[path];
  const readsEvidence = format || STRING_MAPS.some(p => path.startsWith(p));
  const declared = { fact: path, operator: 'declared', value: format ?? null };
  const withEvidence = (test: Condition): Condition =>
    readsEvidence ? { all: [declared, test] } : test;
  const m = matcher as Record<string, unknown>;
  facts.add(path);
  if (typeof matcher === 'string') {
    return withEvidence({ fact: path, operator: 'sameText', value: matcher });
  }
  if (m?.$exists === true) {
    return readsEvidence
      ? declared
      : { fact: path, operator: 'isSet', value: null };
  }
  if (Array.isArray(m?.$in)) {
    return withEvidence({ fact: path, operator: 'inText', value: m.$in });
  }
  if (m?.$contains && typeof m.$contains === 'object') {
    facts.delete(path);
    const [[key, value]] = Object.entries(m.$contains);
    const fact = `${path}${EACH_ITEM}${key}`;
    facts.add(fact);
    return { fact, operator: 'someFact:sameText', value };
  }
  throw new Error(
    `not translated for json-rules-engine: ${path} ${JSON.stringify(matcher)}`,
  );
}

/** Reads a fact by its name (a filter-predicate path) from an entity. */
function compileFact(name: string): (entity: unknown) => unknown {
  const each = name.indexOf(EACH_ITEM);
  if (each > 0) {
    const list = compileFact(name.slice(0, each));
    const key = name.slice(each + EACH_ITEM.length);
    return entity => {
      const items = list(entity);
      return Array.isArray(items)
        ? items.map(item => (item as Record<string, unknown>)?.[key])
        : undefined;
    };
  }
  const map = STRING_MAPS.find(p => name.startsWith(p));
  const steps = map
    ? [...map.slice(0, -1).split('.'), name.slice(map.length)]
    : name.split('.');
  return entity => {
    let value: unknown = entity;
    for (const step of steps) {
      if (typeof value !== 'object' || value === null) return undefined;
      value = (value as Record<string, unknown>)[step];
    }
    return value;
  };
}

const asTopLevel = (condition: Condition): TopLevelCondition =>
  'all' in condition || 'any' in condition || 'not' in condition
    ? (condition as TopLevelCondition)
    : { all: [condition] };

export interface RulesEngineOutcome {
  level: number;
  failingChecks: string[];
}

/** Builds the engine once; `evaluate` extracts the facts of an entity and runs every rule. */
export function createRulesEngineEvaluator(model: MaturityModel) {
  const facts = new Set<string>();
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator(
    'declared',
    (raw: unknown, format: EvidenceFormat | null) =>
      isDeclared(raw, format ?? undefined),
  );
  engine.addOperator('sameText', sameText);
  engine.addOperator('inText', (raw: unknown, list: unknown[]) =>
    list.some(item => sameText(raw, item)),
  );
  engine.addOperator('isSet', (raw: unknown) => raw !== undefined);
  for (const check of model.checks) {
    const condition = translate(check.condition, model, facts);
    // A check that does not apply must not gate the level: the rule passes.
    const applicable = check.appliesTo
      ? { any: [{ not: translate(check.appliesTo, model, facts) }, condition] }
      : condition;
    engine.addRule({
      name: check.id,
      conditions: asTopLevel(applicable),
      event: {
        type: check.id,
        params: { level: check.level, required: check.required },
      },
    });
  }
  const readers = [...facts].map(name => [name, compileFact(name)] as const);
  const topLevel = Math.max(...model.levels.map(l => l.level));
  const order = new Map(model.checks.map((c, i) => [c.id, i]));

  return {
    rules: model.checks.length,
    facts: readers.length,
    async evaluate(entity: Entity): Promise<RulesEngineOutcome> {
      const values: Record<string, unknown> = {};
      for (const [name, read] of readers) values[name] = read(entity);
      const { failureEvents } = await engine.run(values);
      let level = topLevel;
      for (const event of failureEvents) {
        const { level: checkLevel, required } = event.params as {
          level: number;
          required: boolean;
        };
        if (required) level = Math.min(level, checkLevel - 1);
      }
      const failingChecks = failureEvents
        .map(e => e.type)
        .sort((a, b) => order.get(a)! - order.get(b)!);
      return { level, failingChecks };
    },
  };
}
