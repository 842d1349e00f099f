/**
 * Facts: observations about one catalog entity, pushed by pipelines and CI or pulled by
 * collectors. The wire contract is /work/coord/FACTS-CONTRACT.md and the `Fact` schemas of
 * the mlops OpenAPI document; `validateFactBatch` enforces it.
 */

import type {
  CiRunFactData,
  CiRunFactDataStatusEnum,
  DeploymentFactData,
  DriftCheckFactData,
  EntityFactsTimeline,
  EvaluationFactData,
  FactBatchResult,
  FactRecordTypeEnum,
  FactSourceHealth,
  ModelVersionFactData,
  RepositoryFactData,
  RetrainingFactData,
  RetrainingFactDataTriggerEnum,
  TrainingRunFactData,
} from '../schema/openapi';

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
] as const satisfies readonly FactRecordTypeEnum[];

/** @public */
export type FactType = (typeof FACT_TYPES)[number];

/**
 * The generated wire shapes (openapi.yaml's `*FactData`) name the keys checks read; a
 * fact's data keeps extra keys too, which the generator cannot express.
 */
type WithExtras<T> = T & { [extra: string]: unknown };

/** @public */
export type TrainingRunData = WithExtras<TrainingRunFactData>;
/** @public */
export type ModelVersionData = WithExtras<ModelVersionFactData>;
/** @public */
export type EvaluationData = WithExtras<EvaluationFactData>;
/** @public */
export type DeploymentData = WithExtras<DeploymentFactData>;
/** @public */
export type DriftCheckData = WithExtras<DriftCheckFactData>;
/** @public */
export type RetrainingData = WithExtras<RetrainingFactData>;
/** @public */
export type CiRunData = WithExtras<CiRunFactData>;
/** @public */
export type RepositoryData = WithExtras<RepositoryFactData>;

/** @public */
export const RETRAINING_TRIGGERS = [
  'schedule',
  'drift',
  'manual',
] as const satisfies readonly RetrainingFactDataTriggerEnum[];

/** @public */
export const CI_RUN_STATUSES = [
  'success',
  'failure',
  'cancelled',
] as const satisfies readonly CiRunFactDataStatusEnum[];

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
 * Response of `POST /facts` (`FactBatchResult` in openapi.yaml).
 *
 * @public
 */
export type FactPushResponse = FactBatchResult;

/**
 * How one source of facts fared, as a collector or pusher last reported it
 * (`FactSourceHealth` in openapi.yaml).
 *
 * @public
 */
export type FactSourceStatus = FactSourceHealth;

/**
 * Response of `GET /entities/{kind}/{namespace}/{name}/facts`: the wire shape
 * `EntityFactsTimeline` with each fact typed by its `type`.
 *
 * @public
 */
export interface EntityFactsResponse
  extends Omit<EntityFactsTimeline, 'facts'> {
  /** Newest first. */
  facts: Fact[];
}
