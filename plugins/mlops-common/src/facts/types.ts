/**
 * Facts: observations about one catalog entity, pushed by pipelines and CI or pulled by
 * collectors. The wire contract is /work/coord/FACTS-CONTRACT.md and the `Fact` schemas of
 * the mlops OpenAPI document; `validateFactBatch` enforces it.
 */

/**
 * The kinds of observation the maturity checks read.
 *
 * @public
 */
export const FACT_TYPES = [
  'training-run',
  'model-version',
  'evaluation',
  'deployment',
  'drift-check',
  'retraining',
  'ci-run',
  'repository',
] as const;

/** @public */
export type FactType = (typeof FACT_TYPES)[number];

/** @public */
export interface TrainingRunData {
  runId: string;
  experiment?: string;
  metrics: Record<string, number>;
  params?: Record<string, string>;
  datasetFingerprint?: string;
  [extra: string]: unknown;
}

/** @public */
export interface ModelVersionData {
  registry: string;
  model: string;
  version: string;
  aliases: string[];
  stage?: string;
  runId?: string;
  metrics?: Record<string, number>;
  [extra: string]: unknown;
}

/** @public */
export interface EvaluationData {
  suite: string;
  score: number;
  threshold: number;
  passed: boolean;
  modelVersion?: string;
  [extra: string]: unknown;
}

/** @public */
export interface DeploymentData {
  environment: string;
  version: string;
  imageDigest?: string;
  [extra: string]: unknown;
}

/** @public */
export interface DriftCheckData {
  features: Record<string, number>;
  statistic?: string;
  threshold: number;
  breached: boolean;
  [extra: string]: unknown;
}

/** @public */
export const RETRAINING_TRIGGERS = ['schedule', 'drift', 'manual'] as const;

/** @public */
export interface RetrainingData {
  trigger: (typeof RETRAINING_TRIGGERS)[number];
  runId: string;
  [extra: string]: unknown;
}

/** @public */
export const CI_RUN_STATUSES = ['success', 'failure', 'cancelled'] as const;

/** @public */
export interface CiRunData {
  status: (typeof CI_RUN_STATUSES)[number];
  commit: string;
  workflow?: string;
  [extra: string]: unknown;
}

/** @public */
export interface RepositoryData {
  commit: string;
  /** Evidence files present at `commit`, repository-relative. */
  files: string[];
  [extra: string]: unknown;
}

/**
 * A collector that looked and found nothing (an `mlflow.org/experiment` naming no
 * experiment) reports a fact of the type it looked for with `data: { found: false, ... }`;
 * such a fact needs none of its type's other fields. Checks read it as "contradicted".
 *
 * @public
 */
export interface NotFoundData {
  found: false;
  [extra: string]: unknown;
}

/**
 * The data each fact type carries; extra keys are kept, these are the ones checks read.
 *
 * @public
 */
export interface FactDataByType {
  'training-run': TrainingRunData;
  'model-version': ModelVersionData;
  evaluation: EvaluationData;
  deployment: DeploymentData;
  'drift-check': DriftCheckData;
  retraining: RetrainingData;
  'ci-run': CiRunData;
  repository: RepositoryData;
}

/**
 * One observation about one entity. `(source, id)` identifies it: pushing it again
 * updates the stored fact instead of adding one.
 *
 * @public
 */
export type Fact<T extends FactType = FactType> = {
  [K in T]: {
    /** Full, lower-case entity ref, e.g. `component:default/churn-model`. */
    entityRef: string;
    type: K;
    /** Who observed it: `mlflow`, `github-actions`, a collector id, … */
    source: string;
    /** Unique within `source`, e.g. an MLflow run id or `<model>/<version>`. */
    id: string;
    /** ISO-8601 instant (UTC on the way out). */
    observedAt: string;
    data: FactDataByType[K] | NotFoundData;
  };
}[T];

/**
 * Limits of one `POST /facts` request (also in the OpenAPI document).
 *
 * @public
 */
export const FACT_LIMITS = {
  /** Facts per request. */
  maxBatch: 500,
  /** Request body bytes. */
  maxBodyBytes: 1024 * 1024,
  /** Characters of `source` and `id`. */
  maxKeyLength: 200,
  /** Characters of any string inside `data`. */
  maxStringLength: 2000,
  /** Entries of any array or map inside `data`. */
  maxEntries: 1000,
  /** Bytes of one fact's `data` as JSON. */
  maxDataBytes: 16 * 1024,
  /** How far in the future `observedAt` may be (clock skew), in milliseconds. */
  maxClockSkewMs: 5 * 60 * 1000,
} as const;

/**
 * Response of `POST /facts`.
 *
 * @public
 */
export interface FactPushResponse {
  /** Facts not stored before. */
  accepted: number;
  /** Facts whose `(source, id)` was stored with other content, now replaced. */
  updated: number;
  /** Facts stored before with the same content. */
  unchanged: number;
}

/**
 * How one source of facts fared, as a collector or pusher last reported it.
 *
 * @public
 */
export interface FactSourceStatus {
  source: string;
  lastSuccessAt?: string;
  lastFailureAt?: string;
  /** Set while the source is failing: since when it has failed without a success. */
  failingSince?: string;
  lastError?: string;
}

/**
 * Response of `GET /entities/{kind}/{namespace}/{name}/facts`.
 *
 * @public
 */
export interface EntityFactsResponse {
  entityRef: string;
  /** Newest first. */
  facts: Fact[];
  /** Every source that has facts for the entity, and every collector. */
  sources: FactSourceStatus[];
}
