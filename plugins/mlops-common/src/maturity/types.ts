import type { FilterPredicate } from '@backstage/filter-predicates';

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
 * A single check of the maturity model.
 *
 * `condition` (and `appliesTo`) are `@backstage/filter-predicates` expressions evaluated
 * against the entity, e.g. `{ 'metadata.annotations.landingzone.ml/ci': { $exists: true } }`.
 *
 * @public
 */
export interface MaturityCheck {
  /** Stable id, lower-case kebab case; written into the failing-checks annotation. */
  id: string;
  title: string;
  /** The level this check belongs to (1 or higher). */
  level: number;
  /** Grouping for display, e.g. "core" or "llm". */
  group: string;
  /** Required checks gate the level; advisory ones (false) only count towards the score. */
  required: boolean;
  /** Why it matters. */
  description: string;
  /** What to do to pass it. */
  remediation: string;
  /** A template that fixes it, e.g. "template:default/batch-training". */
  templateRef?: string;
  /** Only entities matching this predicate are subject to the check (default: all). */
  appliesTo?: FilterPredicate;
  condition: FilterPredicate;
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
  /** Full evaluation with per-check reasons. */
  evaluate(entity: unknown): MaturityEvaluation;
  /** Level, score, failing check ids and warnings, without building any text. */
  summarize(entity: unknown): MaturitySummary;
}
