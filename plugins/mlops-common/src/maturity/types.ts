import type { FilterPredicate } from '@backstage/filter-predicates';
import type {
  MaturityModelCheck,
  MaturityModelFactRequirement,
} from '../schema/openapi';

/**
 * One rung of the maturity ladder. Level 0 is the baseline every entity has.
 *
 * @public
 */
export interface MaturityLevel {
  /** 0, 1, 2, ... contiguous. */
  level: number;
  name: string;
  description?: string;
}

/**
 * A single check of the maturity model: the wire shape `MaturityModelCheck` of
 * `GET /model` (generated from openapi.yaml, which documents each field), with its
 * predicates typed for evaluation. The spec owns the field list; this type only narrows the
 * predicates the generator can type as `any` alone.
 *
 * `condition` (and `appliesTo`) are `@backstage/filter-predicates` expressions evaluated
 * against the entity, e.g. `{ 'metadata.annotations.landingzone.ml/ci': { $exists: true } }`.
 *
 * @public
 */
export interface MaturityCheck
  extends Omit<MaturityModelCheck, 'appliesTo' | 'condition' | 'fact'> {
  /** Only entities matching this predicate are subject to the check (default: all). */
  appliesTo?: FilterPredicate;
  /**
   * The declaration on the entity (annotations, spec). For a check with a `fact` it is what
   * the fact proves; without a `fact` it decides the check alone. A check has a condition,
   * a fact, or both.
   */
  condition?: FilterPredicate;
  /** The observation that proves the check, see {@link FactRequirement}. */
  fact?: FactRequirement;
}

/**
 * What a check needs to see observed: the latest fact of `type` matching `where`, no older
 * than `within`. The wire shape `MaturityModelFactRequirement` with `where` typed.
 *
 * @public
 */
export interface FactRequirement
  extends Omit<MaturityModelFactRequirement, 'where'> {
  /**
   * A filter predicate on the fact (`type`, `source`, `id`, `observedAt`, `data.*`), e.g.
   * `{ 'data.environment': 'production' }` or `{ 'data.aliases': { $contains: 'champion' } }`.
   */
  where?: FilterPredicate;
}

/**
 * One observation about one entity, as pushed to or collected by the mlops backend. The
 * same shape as the fact API's `Fact`; only the fields evaluation reads are named here.
 *
 * @public
 */
export interface ObservedFact {
  entityRef: string;
  type: string;
  source: string;
  id: string;
  /** ISO-8601 instant. */
  observedAt: string;
  data: Record<string, unknown>;
}

/**
 * How a check's evidence stands:
 * - `observed`: a fresh fact matching the requirement (or, for a check no source can
 *   observe, not used);
 * - `declared`: the entity declares it (annotation, spec) and no source has observed it;
 * - `contradicted`: declared, but the source's latest fact says otherwise (e.g. the MLflow
 *   collector found no such experiment, the evaluation failed);
 * - `stale`: the latest matching fact is older than the check's window;
 * - `missing`: neither declared nor observed.
 *
 * @public
 */
export type EvidenceStatus =
  | 'observed'
  | 'declared'
  | 'contradicted'
  | 'stale'
  | 'missing';

/**
 * What counts toward a level: `observed` (only observations, where a check can be
 * observed) or `declared` (declarations count too, marked self-declared).
 *
 * @public
 */
export type EvidenceMode = 'observed' | 'declared';

/**
 * The evidence behind one check result.
 *
 * @public
 */
export interface CheckEvidence {
  status: EvidenceStatus;
  /** Whether a source can observe this check at all (it has a `fact` requirement). */
  observable: boolean;
  /** True when the check passes only on its declaration (evidence mode `declared`). */
  selfDeclared: boolean;
  /** The fact that decided the status, when one did. */
  fact?: Pick<ObservedFact, 'type' | 'source' | 'id' | 'observedAt'>;
}

/**
 * How an evidence value must look. Values that do not fit are *malformed*: the check that
 * reads them fails and a warning names the entity and the field.
 *
 * - `flag`: any non-empty string, except negations ("false", "no", "none", "off", "disabled"),
 *   which mean "not declared" (not malformed).
 * - `non-negative-number`: a decimal number ≥ 0, e.g. "120" or "12.5".
 * - `one-or-more-of`: a comma-separated list whose items are all in `values`.
 * - `entity-ref-list`: a non-empty array of strings (an empty array means "not declared").
 * - `text`: a non-empty string.
 *
 * @public
 */
export type EvidenceFormat =
  | { type: 'flag' }
  | { type: 'non-negative-number' }
  | { type: 'one-or-more-of'; values: string[] }
  | { type: 'entity-ref-list' }
  | { type: 'text' };

/**
 * Which entities count as ML use cases. Empty `types` means every type of the kinds.
 *
 * @public
 */
export interface MaturityEntityFilter {
  kinds: string[];
  types: string[];
}

/**
 * The whole maturity model: levels, checks, which entities it applies to, and the formats
 * of the evidence fields it reads (keyed by filter-predicate path).
 *
 * @public
 */
export interface MaturityModel {
  levels: MaturityLevel[];
  checks: MaturityCheck[];
  entityFilter: MaturityEntityFilter;
  evidenceFormats: Record<string, EvidenceFormat>;
  /** What counts toward a level; default `observed`. */
  evidence?: EvidenceMode;
}

/**
 * Evidence on an entity that is present but malformed.
 *
 * @public
 */
export interface EvidenceProblem {
  /** The field, e.g. "metadata.annotations.landingzone.ml/gpu-budget". */
  path: string;
  /** Human text naming the field, what was found and what was expected. */
  message: string;
}

/**
 * The outcome of one check on one entity.
 *
 * @public
 */
export interface CheckResult {
  id: string;
  title: string;
  level: number;
  group: string;
  required: boolean;
  passed: boolean;
  /** Why it passed or failed, in words, naming the evidence. */
  reason: string;
  description: string;
  remediation: string;
  templateRef?: string;
  evidence: CheckEvidence;
}

/**
 * Progress on one level (levels above 0 only).
 *
 * @public
 */
export interface LevelProgress {
  level: number;
  name: string;
  /** Applicable checks of this level that pass / exist. */
  passed: number;
  total: number;
  requiredPassed: number;
  requiredTotal: number;
  /** True when this level and all lower ones have all required checks passing. */
  reached: boolean;
}

/**
 * Full result of evaluating the maturity model on an entity.
 *
 * @public
 */
export interface MaturityEvaluation {
  /**
   * False when the model's entity filter does not cover the entity: it is no ML use case,
   * so it has no level (`level` 0, no checks, no progress — do not show them as a level).
   */
  applicable: boolean;
  level: number;
  levelName: string;
  /** 0-100: share of applicable checks that pass. */
  score: number;
  /** The next level and the required checks still missing for it; null at the top. */
  nextLevel: { level: number; name: string; missingChecks: string[] } | null;
  /** Applicable checks only, in model order. */
  checks: CheckResult[];
  progress: LevelProgress[];
  warnings: EvidenceProblem[];
}

/**
 * The compact result the catalog processor needs (no reasons, no text): the fast path.
 *
 * @public
 */
export interface MaturitySummary {
  level: number;
  score: number;
  failingChecks: string[];
  progress: Array<{ level: number; passed: number; total: number }>;
  warnings: EvidenceProblem[];
  /** Applicable checks a source can observe, and how many of them are observed. */
  observable: number;
  observed: number;
}

/**
 * What an evaluation reads besides the entity.
 *
 * @public
 */
export interface EvaluationContext {
  /** The entity's latest facts (any order); none when omitted. */
  facts?: readonly ObservedFact[];
  /** The time freshness is judged at, epoch milliseconds; default now. */
  now?: number;
}

/**
 * A maturity model compiled once into plain functions.
 *
 * @public
 */
export interface CompiledMaturityModel {
  readonly model: MaturityModel;
  /** Whether the entity is an ML use case according to the model's entity filter. */
  isMlEntity(entity: unknown): boolean;
  /** Full evaluation with per-check reasons and evidence. */
  evaluate(entity: unknown, context?: EvaluationContext): MaturityEvaluation;
  /** Level, score, failing check ids and warnings, without building any text. */
  summarize(entity: unknown, context?: EvaluationContext): MaturitySummary;
}
