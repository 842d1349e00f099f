import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { FACT_TYPES, FactType } from '@landing-zone/plugin-mlops-common';

/** Who may push facts about which entities (`mlops.facts.writers`). */
export interface FactWriter {
  /** Principal subject: an external-access token's `subject`, or `plugin:<id>`. */
  subject: string;
  /** Entity ref patterns, `*` matching any run of characters, e.g. `component:default/*`. */
  entities: string[];
}

export interface FactRetentionConfig {
  /** Days of history kept per type (the latest per entity × type stays regardless). */
  days: Record<FactType, number>;
  /** Days within which every fact is kept; older routine facts are thinned. */
  detailDays: number;
  /** Types whose old facts are thinned to one per entity per bucket (plus notable ones). */
  thinnedTypes: FactType[];
  /**
   * Past `detailDays`, one routine fact per entity × type is kept per bucket of this many
   * days; 0 keeps none (only notable ones and the latest).
   */
  thinningBucketDays: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
}

export interface CollectorsConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  repository: { enabled: boolean };
  mlflow?: { baseUrl: string; maxRuns: number; token?: string };
}

export interface FactsConfig {
  /** Undefined: every service principal allowed `mlops.fact.create` writes any entity. */
  writers?: FactWriter[];
  retention: FactRetentionConfig;
  collectors: CollectorsConfig;
}

const DEFAULT_RETENTION_DAYS = 400;
// Measured in bench/facts: with a fact per use case per day, these keep a year of
// 100,000 use cases near the 500 MB target (see the README's figures).
const DEFAULT_DETAIL_DAYS = 7;
const DEFAULT_THINNING_BUCKET_DAYS = 0;
const DEFAULT_THINNED: FactType[] = [
  'training-run',
  'drift-check',
  'ci-run',
  'repository',
  'evaluation',
];

function schedule(
  config: Config | undefined,
  fallback: SchedulerServiceTaskScheduleDefinition,
): SchedulerServiceTaskScheduleDefinition {
  return config?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : fallback;
}

function positiveInteger(
  config: Config | undefined,
  key: string,
  fallback: number,
  path: string,
) {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `Invalid config ${path}.${key}: expected a positive whole number, got ${value}`,
    );
  }
  return value;
}

function nonNegativeInteger(
  config: Config | undefined,
  key: string,
  fallback: number,
  path: string,
) {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `Invalid config ${path}.${key}: expected a whole number of days (0 or more), got ${value}`,
    );
  }
  return value;
}

function readWriters(facts: Config | undefined): FactWriter[] | undefined {
  const writers = facts?.getOptionalConfigArray('writers');
  return writers?.map((writer, i) => {
    const entities = writer.getStringArray('entities');
    if (entities.length === 0) {
      throw new Error(
        `Invalid config mlops.facts.writers[${i}].entities: expected at least one pattern`,
      );
    }
    return { subject: writer.getString('subject'), entities };
  });
}

function readRetention(facts: Config | undefined): FactRetentionConfig {
  const retention = facts?.getOptionalConfig('retention');
  const path = 'mlops.facts.retention';
  const fallback = positiveInteger(
    retention,
    'days',
    DEFAULT_RETENTION_DAYS,
    path,
  );
  const byType = retention?.getOptionalConfig('byType');
  for (const key of byType?.keys() ?? []) {
    if (!FACT_TYPES.includes(key as FactType)) {
      throw new Error(
        `Invalid config ${path}.byType.${key}: expected one of ${FACT_TYPES.join(
          ', ',
        )}`,
      );
    }
  }
  const days = Object.fromEntries(
    FACT_TYPES.map(type => [
      type,
      positiveInteger(byType, type, fallback, `${path}.byType`),
    ]),
  ) as Record<FactType, number>;
  const thinnedTypes = (retention?.getOptionalStringArray('thinnedTypes') ??
    DEFAULT_THINNED) as FactType[];
  for (const type of thinnedTypes) {
    if (!FACT_TYPES.includes(type)) {
      throw new Error(
        `Invalid config ${path}.thinnedTypes: "${type}" is not a fact type`,
      );
    }
  }
  return {
    days,
    detailDays: positiveInteger(
      retention,
      'detailDays',
      DEFAULT_DETAIL_DAYS,
      path,
    ),
    thinningBucketDays: nonNegativeInteger(
      retention,
      'thinningBucketDays',
      DEFAULT_THINNING_BUCKET_DAYS,
      path,
    ),
    thinnedTypes,
    schedule: schedule(retention, {
      frequency: { hours: 24 },
      timeout: { hours: 1 },
      initialDelay: { minutes: 5 },
    }),
  };
}

function readCollectors(root: Config): CollectorsConfig {
  const collectors = root.getOptionalConfig('mlops.collectors');
  const mlflow = collectors?.getOptionalConfig('mlflow');
  const baseUrl = mlflow?.getOptionalString('baseUrl');
  return {
    schedule: schedule(collectors, {
      frequency: { minutes: 30 },
      timeout: { minutes: 10 },
      initialDelay: { minutes: 1 },
    }),
    repository: {
      enabled: collectors?.getOptionalBoolean('repository.enabled') ?? true,
    },
    mlflow: baseUrl
      ? {
          baseUrl: baseUrl.replace(/\/+$/, ''),
          maxRuns: positiveInteger(
            mlflow,
            'maxRuns',
            20,
            'mlops.collectors.mlflow',
          ),
          token: mlflow?.getOptionalString('token'),
        }
      : undefined,
  };
}

/** Reads `mlops.facts` and `mlops.collectors`; a bad value names its key. */
export function readFactsConfig(root: Config): FactsConfig {
  const facts = root.getOptionalConfig('mlops.facts');
  return {
    writers: readWriters(facts),
    retention: readRetention(facts),
    collectors: readCollectors(root),
  };
}
