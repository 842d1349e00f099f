import { classifyEvidence, EvidenceReader, Reading } from './evidenceFormats';
import { isRecord, PathResolver, splitStringMapPath } from './resolvePath';
import type { EvidenceProblem } from './types';

/** One field checks read through an evidence format; `index` is its slot in the values. */
export interface EvidenceField {
  index: number;
  path: string;
  resolve: PathResolver;
  reader: EvidenceReader;
}

/**
 * The evidence of one entity, read once. `values[field.index]` is what checks see (the raw
 * value, or undefined when absent, negated or malformed).
 */
export interface EvidenceSnapshot {
  values: unknown[];
  problems: EvidenceProblem[];
}

const NO_PROBLEMS: EvidenceProblem[] = [];

/**
 * The fields read from one annotation or label map, by key. A prototype-less object rather
 * than a Map: its keys are interned, so looking up an entity's (interned) keys compares
 * pointers, where a Map compares the characters of keys built at compile time.
 */
interface StringMapFields {
  resolveMap: PathResolver;
  byKey: Record<string, EvidenceField | undefined>;
}

function groupByStringMap(fields: EvidenceField[]) {
  const maps = new Map<string, StringMapFields>();
  const others: EvidenceField[] = [];
  for (const field of fields) {
    const split = splitStringMapPath(field.path);
    if (!split) {
      others.push(field);
      continue;
    }
    let map = maps.get(split.mapPath);
    if (!map) {
      map = { resolveMap: split.resolveMap, byKey: Object.create(null) };
      maps.set(split.mapPath, map);
    }
    map.byKey[split.key] = field;
  }
  return { maps: [...maps.values()], others };
}

/**
 * Compiles the reading of every evidence field of an entity in one pass. Several checks
 * read the same field and the warnings scan reads them all, so reading each once saves
 * most of the cost of an evaluation.
 *
 * Annotation maps are walked by their own keys rather than probed for each key a check
 * knows: entities rarely share a shape, so V8 cannot cache probes, and an entity carries
 * fewer annotations than the model knows. Own enumerable keys are also exactly what
 * `getJsonValueAtPath` of `@backstage/filter-predicates` looks at.
 */
export function compileReadEvidence(
  fields: EvidenceField[],
): (entity: unknown) => EvidenceSnapshot {
  const { maps, others } = groupByStringMap(fields);
  const count = fields.length;
  const order = new Map(fields.map(f => [f.path, f.index]));

  return entity => {
    // Fields the entity lacks stay undefined: absent, which is what checks see of them.
    const values = new Array<unknown>(count).fill(undefined);
    let problems = NO_PROBLEMS;
    for (const { resolveMap, byKey } of maps) {
      const map = resolveMap(entity);
      if (!isRecord(map)) continue;
      const keys = Object.keys(map);
      for (let i = 0; i < keys.length; i++) {
        const field = byKey[keys[i]];
        if (field === undefined) continue;
        const problem = take(values, field, map[keys[i]]);
        if (problem) problems = append(problems, problem);
      }
    }
    for (const field of others) {
      const problem = take(values, field, field.resolve(entity));
      if (problem) problems = append(problems, problem);
    }
    // Warnings follow field order whatever the key order, so they read the same every time.
    if (problems.length > 1) {
      problems.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
    }
    return { values, problems };
  };
}

/** Stores what checks see of the field; returns the problem when the value is malformed. */
function take(
  values: unknown[],
  field: EvidenceField,
  raw: unknown,
): EvidenceProblem | undefined {
  const reading = classifyEvidence(field.reader.format, raw);
  values[field.index] = reading === Reading.Present ? raw : undefined;
  return reading === Reading.Malformed
    ? { path: field.path, message: field.reader.problem(raw)! }
    : undefined;
}

// The shared empty list keeps the common case (no problems) free of allocations.
function append(problems: EvidenceProblem[], problem: EvidenceProblem) {
  if (problems === NO_PROBLEMS) return [problem];
  problems.push(problem);
  return problems;
}
