import { compileEvidenceReader, EvidenceReader } from './evidenceFormats';
import {
  compilePredicate,
  CompiledPredicate,
  PredicateCompileError,
  RootPathOptions,
} from './compilePredicate';
import { MaturityModelError } from './MaturityModelError';
import { compilePath, PathResolver } from './resolvePath';
import type {
  CheckResult,
  CompiledMaturityModel,
  EvidenceProblem,
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
  appliesTo?: CompiledPredicate;
  condition: CompiledPredicate;
}

interface EvidenceField {
  path: string;
  resolve: PathResolver;
  reader: EvidenceReader;
}

const NO_PROBLEMS: EvidenceProblem[] = [];

/** Paths are read through their evidence format, so checks never see malformed values. */
function createEvidencePaths(model: MaturityModel) {
  const fields = new Map<string, EvidenceField>();
  const field = (path: string) => {
    let found = fields.get(path);
    if (!found) {
      const reader = compileEvidenceReader(path, model.evidenceFormats[path]);
      if (!reader) return undefined;
      found = { path, resolve: compilePath(path), reader };
      fields.set(path, found);
    }
    return found;
  };
  const rootPaths: RootPathOptions = {
    resolve: path => {
      const evidence = field(path);
      if (!evidence) return compilePath(path);
      const { resolve, reader } = evidence;
      return entity => reader.value(resolve(entity));
    },
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
    appliesTo:
      check.appliesTo === undefined ? undefined : compile(check.appliesTo, 'appliesTo'),
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
  const checks = model.checks.map((check, i) =>
    compileCheck(check, i, evidence.rootPaths),
  );
  // Every field checks read through a format or a string map, scanned for warnings.
  const evidenceFields = [...evidence.fields.values()];
  const isMlEntity = compileEntityFilter(model.entityFilter);

  const findProblems = (entity: unknown): EvidenceProblem[] => {
    let problems = NO_PROBLEMS;
    for (const { path, resolve, reader } of evidenceFields) {
      const message = reader.problem(resolve(entity));
      if (message !== undefined) {
        if (problems === NO_PROBLEMS) problems = [];
        problems.push({ path, message });
      }
    }
    return problems;
  };

  /** Highest level whose required checks, and those of every lower level, all pass. */
  const reachedLevel = (requiredFailing: number[]) => {
    let level = 0;
    while (level + 1 < levelCount && requiredFailing[level + 1] === 0) level++;
    return level;
  };

  const summarize = (entity: unknown): MaturitySummary => {
    const passed = new Array<number>(levelCount).fill(0);
    const total = new Array<number>(levelCount).fill(0);
    const requiredFailing = new Array<number>(levelCount).fill(0);
    const failingChecks: string[] = [];
    let applicable = 0;
    let passing = 0;
    for (const { check, levelIndex, appliesTo, condition } of checks) {
      if (appliesTo && !appliesTo.test(entity)) continue;
      applicable++;
      total[levelIndex]++;
      if (condition.test(entity)) {
        passing++;
        passed[levelIndex]++;
      } else {
        failingChecks.push(check.id);
        if (check.required) requiredFailing[levelIndex]++;
      }
    }
    const progress = [];
    for (let i = 1; i < levelCount; i++) {
      progress.push({ level: i, passed: passed[i], total: total[i] });
    }
    return {
      level: reachedLevel(requiredFailing),
      score: applicable === 0 ? 100 : Math.round((100 * passing) / applicable),
      failingChecks,
      progress,
      warnings: findProblems(entity),
    };
  };

  const evaluate = (entity: unknown): MaturityEvaluation => {
    const results: CheckResult[] = [];
    for (const { check, appliesTo, condition } of checks) {
      if (appliesTo && !appliesTo.test(entity)) continue;
      results.push({
        id: check.id,
        title: check.title,
        level: check.level,
        group: check.group,
        required: check.required,
        passed: condition.test(entity),
        reason: condition.explain(entity),
        description: check.description,
        remediation: check.remediation,
        ...(check.templateRef ? { templateRef: check.templateRef } : {}),
      });
    }
    const requiredFailing = levels.map(
      ({ level }) => results.filter(r => r.level === level && r.required && !r.passed).length,
    );
    const level = reachedLevel(requiredFailing);
    const progress: LevelProgress[] = levels.slice(1).map(({ level: l, name }) => {
      const ofLevel = results.filter(r => r.level === l);
      const required = ofLevel.filter(r => r.required);
      return {
        level: l,
        name,
        passed: ofLevel.filter(r => r.passed).length,
        total: ofLevel.length,
        requiredPassed: required.filter(r => r.passed).length,
        requiredTotal: required.length,
        reached: l <= level,
      };
    });
    const next = levels[level + 1];
    const passing = results.filter(r => r.passed).length;
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
      warnings: findProblems(entity),
    };
  };

  return { model, isMlEntity, evaluate, summarize };
}
