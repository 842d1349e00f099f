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
import { passes, statusOf } from './checkEvidence';
import {
  compileFactRequirement,
  CompiledFactRequirement,
  FactRequirementError,
  FactVerdict,
} from './compileFactRequirement';
import { EMPTY_FACTS, FactIndex, indexFacts } from './factIndex';
import type {
  CheckEvidence,
  CheckResult,
  EvaluationContext,
  EvidenceMode,
  EvidenceStatus,
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
  /** The declaration; absent for checks only a fact proves. */
  condition?: CompiledPredicate;
  fact?: CompiledFactRequirement;
  requireCondition: boolean;
}

interface CheckOutcome {
  passed: boolean;
  status: EvidenceStatus;
  declared: boolean;
  verdict?: FactVerdict;
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
        const where = `checks[${index}].${key}${
          error.where ? `.${error.where}` : ''
        }`;
        throw new MaturityModelError(where, error.problem);
      }
      throw error;
    }
  };
  let fact: CompiledFactRequirement | undefined;
  if (check.fact !== undefined) {
    try {
      fact = compileFactRequirement(check.fact);
    } catch (error) {
      if (error instanceof FactRequirementError) {
        throw new MaturityModelError(
          `checks[${index}].fact.${error.where}`,
          error.problem,
        );
      }
      throw error;
    }
  }
  return {
    check,
    levelIndex: check.level,
    // Compiled even when shared, so an invalid predicate is reported at its own check.
    scope:
      check.appliesTo === undefined
        ? EVERY_ENTITY
        : scopes.add(check.appliesTo, compile(check.appliesTo, 'appliesTo')),
    condition:
      check.condition === undefined
        ? undefined
        : compile(check.condition, 'condition'),
    fact,
    requireCondition: check.fact?.requireCondition === true,
  };
}

/** One check on one entity: its declaration, its fact verdict, and whether it passes. */
function outcomeOf(
  compiled: CompiledCheck,
  entity: unknown,
  values: readonly unknown[],
  facts: FactIndex,
  now: number,
  mode: EvidenceMode,
): CheckOutcome {
  const declared = compiled.condition?.test(entity, values) ?? false;
  if (!compiled.fact) {
    return {
      passed: declared,
      status: declared ? 'declared' : 'missing',
      declared,
    };
  }
  const verdict = compiled.fact.judge(facts, now);
  const status = statusOf(verdict, declared);
  return {
    passed: passes(status, declared, compiled.requireCondition, mode),
    status,
    declared,
    verdict,
  };
}

function evidenceOf(outcome: CheckOutcome, observable: boolean): CheckEvidence {
  const { verdict } = outcome;
  const fact =
    verdict && verdict.kind !== 'none'
      ? {
          type: verdict.fact.type,
          source: verdict.fact.source,
          id: verdict.fact.id,
          observedAt: verdict.fact.observedAt,
        }
      : undefined;
  return {
    status: outcome.status,
    observable,
    selfDeclared: observable && outcome.passed && outcome.status === 'declared',
    ...(fact ? { fact } : {}),
  };
}

function reasonOf(
  compiled: CompiledCheck,
  outcome: CheckOutcome,
  entity: unknown,
  values: readonly unknown[],
  facts: FactIndex,
  now: number,
): string {
  const declaration = compiled.condition?.explain(entity, values);
  if (!compiled.fact || !outcome.verdict) return declaration ?? '';
  const observation = compiled.fact.explain(outcome.verdict, facts, now);
  switch (outcome.status) {
    case 'declared':
      return `self-declared (${declaration}); ${observation} yet`;
    case 'contradicted':
      return `declared (${declaration}), but ${observation}`;
    case 'observed':
      return compiled.requireCondition && !outcome.declared
        ? `${observation}; but ${declaration}`
        : observation;
    default:
      return declaration && !outcome.declared
        ? `${observation}; ${declaration}`
        : observation;
  }
}

/**
 * Compiles a maturity model once into plain functions: every predicate becomes a closure,
 * every evidence format a reader. Throws {@link MaturityModelError} naming the part of the
 * model that is invalid.
 *
 * @public
 */
export function compileMaturityModel(
  model: MaturityModel,
): CompiledMaturityModel {
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
  // An entity the model does not cover has no level at all, not level 0.
  const notApplicable = (): MaturityEvaluation => ({
    applicable: false,
    level: 0,
    levelName: '',
    score: 0,
    nextLevel: null,
    checks: [],
    progress: [],
    warnings: [],
  });

  const mode: EvidenceMode = model.evidence ?? 'observed';
  const factsOf = (context?: EvaluationContext) =>
    context?.facts ? indexFacts(context.facts) : EMPTY_FACTS;

  const summarize = (
    entity: unknown,
    context?: EvaluationContext,
  ): MaturitySummary => {
    const { values, problems } = readEvidence(entity);
    const facts = factsOf(context);
    const now = context?.now ?? Date.now();
    let observable = 0;
    let observed = 0;
    const progress: MaturitySummary['progress'] = [];
    for (let i = 1; i < levelCount; i++)
      progress.push({ level: i, passed: 0, total: 0 });
    const failingChecks: string[] = [];
    const inScope = scopes.newMemo();
    let lowestFailing = levelCount;
    let applicable = 0;
    let passing = 0;
    for (const compiled of checks) {
      const { check, levelIndex, scope } = compiled;
      if (!scopes.covers(scope, entity, values, inScope)) continue;
      const counts = progress[levelIndex - 1];
      applicable++;
      counts.total++;
      let passed: boolean;
      if (compiled.fact) {
        // outcomeOf inlined: no outcome object per check on the processor's path.
        const declared = compiled.condition?.test(entity, values) ?? false;
        const status = statusOf(compiled.fact.judge(facts, now), declared);
        observable++;
        if (status === 'observed') observed++;
        passed = passes(status, declared, compiled.requireCondition, mode);
      } else {
        passed = compiled.condition!.test(entity, values);
      }
      if (passed) {
        passing++;
        counts.passed++;
      } else {
        failingChecks.push(check.id);
        if (check.required && levelIndex < lowestFailing)
          lowestFailing = levelIndex;
      }
    }
    return {
      level: lowestFailing - 1,
      score: applicable === 0 ? 100 : Math.round((100 * passing) / applicable),
      failingChecks,
      progress,
      warnings: problems,
      observable,
      observed,
    };
  };

  const evaluate = (
    entity: unknown,
    context?: EvaluationContext,
  ): MaturityEvaluation => {
    if (!isMlEntity(entity)) return notApplicable();
    const { values, problems } = readEvidence(entity);
    const facts = factsOf(context);
    const now = context?.now ?? Date.now();
    const results: CheckResult[] = [];
    // Per level, counted in the one pass over the checks.
    const passed = new Array<number>(levelCount).fill(0);
    const total = new Array<number>(levelCount).fill(0);
    const requiredPassed = new Array<number>(levelCount).fill(0);
    const requiredTotal = new Array<number>(levelCount).fill(0);
    const inScope = scopes.newMemo();
    let passing = 0;
    for (const compiled of checks) {
      const { check, levelIndex, scope } = compiled;
      if (!scopes.covers(scope, entity, values, inScope)) continue;
      const outcome = outcomeOf(compiled, entity, values, facts, now, mode);
      const ok = outcome.passed;
      results.push({
        id: check.id,
        title: check.title,
        level: check.level,
        group: check.group,
        required: check.required,
        passed: ok,
        reason: reasonOf(compiled, outcome, entity, values, facts, now),
        description: check.description,
        remediation: check.remediation,
        ...(check.templateRef ? { templateRef: check.templateRef } : {}),
        evidence: evidenceOf(outcome, compiled.fact !== undefined),
      });
      total[levelIndex]++;
      if (check.required) requiredTotal[levelIndex]++;
      if (ok) {
        passing++;
        passed[levelIndex]++;
        if (check.required) requiredPassed[levelIndex]++;
      }
    }
    const level = reachedLevel(
      requiredTotal.map((t, i) => t - requiredPassed[i]),
    );
    const progress: LevelProgress[] = levels
      .slice(1)
      .map(({ level: l, name }) => ({
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
      applicable: true,
      level,
      levelName: levels[level].name,
      score:
        results.length === 0
          ? 100
          : Math.round((100 * passing) / results.length),
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
