import { compileEvidenceReader } from './evidenceFormats';
import {
  compilePredicate,
  CompiledPredicate,
  PredicateCompileError,
  RootPathOptions,
} from './compilePredicate';
import { MaturityModelError } from './MaturityModelError';
import { CheckScopes, EVERY_ENTITY } from './checkScopes';
import { compileReadEvidence, EvidenceField } from './readEvidence';
import { compilePath } from './resolvePath';
import type {
  CheckResult,
  CompiledMaturityModel,
  LevelProgress,
  MaturityCheck,
  MaturityEvaluation,
  MaturityModel,
  MaturitySummary,
} from './types';
import { validateModelShape } from './validateModelShape';
import { compileEntityFilter } from './compileEntityFilter';

interface CompiledCheck {
  check: MaturityCheck;
  levelIndex: number;
  /** Index of its `appliesTo` in the model's scopes, or EVERY_ENTITY. */
  scope: number;
  condition: CompiledPredicate;
}

/** Paths are read through their evidence format, so checks never see malformed values. */
function createEvidencePaths(model: MaturityModel) {
  const fields = new Map<string, EvidenceField>();
  const field = (path: string) => {
    let found = fields.get(path);
    if (!found) {
      const reader = compileEvidenceReader(path, model.evidenceFormats[path]);
      if (!reader) return undefined;
      found = { index: fields.size, path, resolve: compilePath(path), reader };
      fields.set(path, found);
    }
    return found;
  };
  const rootPaths: RootPathOptions = {
    resolve: path => {
      const evidence = field(path);
      if (!evidence) return compilePath(path);
      const { index, resolve, reader } = evidence;
      return (entity, values) =>
        values ? values[index] : reader.value(resolve(entity));
    },
    slot: path => field(path)?.index,
    problemAt: (path, entity) => {
      const evidence = field(path);
      return evidence?.reader.problem(evidence.resolve(entity));
    },
  };
  return { rootPaths, field, fields };
}

function compileCheck(
  check: MaturityCheck,
  index: number,
  rootPaths: RootPathOptions,
  scopes: CheckScopes,
): CompiledCheck {
  const compile = (predicate: unknown, key: string) => {
    try {
      return compilePredicate(predicate, rootPaths);
    } catch (error) {
      if (error instanceof PredicateCompileError) {
        const where = `checks[${index}].${key}${error.where ? `.${error.where}` : ''}`;
        throw new MaturityModelError(where, error.problem);
      }
      throw error;
    }
  };
  return {
    check,
    levelIndex: check.level,
    // Compiled even when shared, so an invalid predicate is reported at its own check.
    scope:
      check.appliesTo === undefined
        ? EVERY_ENTITY
        : scopes.add(check.appliesTo, compile(check.appliesTo, 'appliesTo')),
    condition: compile(check.condition, 'condition'),
  };
}

/**
 * Compiles a maturity model once into plain functions: every predicate becomes a closure,
 * every evidence format a reader. Throws {@link MaturityModelError} naming the part of the
 * model that is invalid.
 *
 * @public
 */
export function compileMaturityModel(model: MaturityModel): CompiledMaturityModel {
  validateModelShape(model);
  const levels = [...model.levels].sort((a, b) => a.level - b.level);
  const levelCount = levels.length;
  const evidence = createEvidencePaths(model);
  for (const path of Object.keys(model.evidenceFormats)) {
    try {
      evidence.field(path);
    } catch (error) {
      throw new MaturityModelError(
        `evidenceFormats['${path}']`,
        (error as Error).message,
      );
    }
  }
  const scopes = new CheckScopes();
  const checks = model.checks.map((check, i) =>
    compileCheck(check, i, evidence.rootPaths, scopes),
  );
  // Every field checks read through a format or a string map: read once per entity,
  // shared by the checks and scanned for warnings.
  const readEvidence = compileReadEvidence([...evidence.fields.values()]);
  const isMlEntity = compileEntityFilter(model.entityFilter);

  /** Highest level whose required checks, and those of every lower level, all pass. */
  const reachedLevel = (requiredFailing: number[]) => {
    let level = 0;
    while (level + 1 < levelCount && requiredFailing[level + 1] === 0) level++;
    return level;
  };

  // The fast path: the progress entries double as counters and the level is read off the
  // lowest level with a failing required check, so nothing else is allocated per entity.
  const summarize = (entity: unknown): MaturitySummary => {
    const { values, problems } = readEvidence(entity);
    const progress: MaturitySummary['progress'] = [];
    for (let i = 1; i < levelCount; i++) progress.push({ level: i, passed: 0, total: 0 });
    const failingChecks: string[] = [];
    const inScope = scopes.newMemo();
    let lowestFailing = levelCount;
    let applicable = 0;
    let passing = 0;
    for (const { check, levelIndex, scope, condition } of checks) {
      if (!scopes.covers(scope, entity, values, inScope)) continue;
      const counts = progress[levelIndex - 1];
      applicable++;
      counts.total++;
      if (condition.test(entity, values)) {
        passing++;
        counts.passed++;
      } else {
        failingChecks.push(check.id);
        if (check.required && levelIndex < lowestFailing) lowestFailing = levelIndex;
      }
    }
    return {
      level: lowestFailing - 1,
      score: applicable === 0 ? 100 : Math.round((100 * passing) / applicable),
      failingChecks,
      progress,
      warnings: problems,
    };
  };

  const evaluate = (entity: unknown): MaturityEvaluation => {
    const { values, problems } = readEvidence(entity);
    const results: CheckResult[] = [];
    // Per level, counted in the one pass over the checks.
    const passed = new Array<number>(levelCount).fill(0);
    const total = new Array<number>(levelCount).fill(0);
    const requiredPassed = new Array<number>(levelCount).fill(0);
    const requiredTotal = new Array<number>(levelCount).fill(0);
    const inScope = scopes.newMemo();
    let passing = 0;
    for (const { check, levelIndex, scope, condition } of checks) {
      if (!scopes.covers(scope, entity, values, inScope)) continue;
      const ok = condition.test(entity, values);
      results.push({
        id: check.id,
        title: check.title,
        level: check.level,
        group: check.group,
        required: check.required,
        passed: ok,
        reason: condition.explain(entity, values),
        description: check.description,
        remediation: check.remediation,
        ...(check.templateRef ? { templateRef: check.templateRef } : {}),
      });
      total[levelIndex]++;
      if (check.required) requiredTotal[levelIndex]++;
      if (ok) {
        passing++;
        passed[levelIndex]++;
        if (check.required) requiredPassed[levelIndex]++;
      }
    }
    const level = reachedLevel(requiredTotal.map((t, i) => t - requiredPassed[i]));
    const progress: LevelProgress[] = levels.slice(1).map(({ level: l, name }) => ({
      level: l,
      name,
      passed: passed[l],
      total: total[l],
      requiredPassed: requiredPassed[l],
      requiredTotal: requiredTotal[l],
      reached: l <= level,
    }));
    const next = levels[level + 1];
    return {
      level,
      levelName: levels[level].name,
      score: results.length === 0 ? 100 : Math.round((100 * passing) / results.length),
      nextLevel: next
        ? {
            level: next.level,
            name: next.name,
            missingChecks: results
              .filter(r => r.level === next.level && r.required && !r.passed)
              .map(r => r.id),
          }
        : null,
      checks: results,
      progress,
      warnings: problems,
    };
  };

  return { model, isMlEntity, evaluate, summarize };
}
