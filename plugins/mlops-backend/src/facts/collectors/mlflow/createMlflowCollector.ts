import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ECOSYSTEM_ANNOTATIONS,
  FACT_LIMITS,
  Fact,
} from '@landing-zone/plugin-mlops-common';
import { FactCollector } from '@landing-zone/plugin-mlops-node';
import { MlflowClient, MlflowModelVersion, MlflowRun } from './MlflowClient';

export const MLFLOW_COLLECTOR_ID = 'mlflow';

/**
 * Names the registered models of a use case when they are not named after it (the golden
 * paths register the model under the use case's name). Comma-separated.
 */
export const MLFLOW_REGISTERED_MODEL_ANNOTATION = 'mlflow.org/registered-model';

const iso = (millis: unknown) => new Date(Number(millis)).toISOString();

function experimentOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const value =
    annotations[ECOSYSTEM_ANNOTATIONS.mlflowExperiment] ??
    annotations[ECOSYSTEM_ANNOTATIONS.mlflowExperimentName];
  return value?.trim() || undefined;
}

/** Metrics and params as the fact schema wants them: finite numbers, short non-empty strings. */
function keyValues<T>(
  pairs: Array<{ key: string; value: unknown }> | undefined,
  convert: (value: unknown) => T | undefined,
): Record<string, T> {
  const result: Record<string, T> = {};
  for (const { key, value } of (pairs ?? []).slice(0, FACT_LIMITS.maxEntries)) {
    const converted = convert(value);
    if (
      typeof key === 'string' &&
      key &&
      key.length <= FACT_LIMITS.maxKeyLength &&
      converted !== undefined
    ) {
      result[key] = converted;
    }
  }
  return result;
}

const finite = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const text = (v: unknown) =>
  typeof v === 'string' && v.length > 0
    ? v.slice(0, FACT_LIMITS.maxStringLength)
    : undefined;

function trainingRunFact(
  entityRef: string,
  experiment: string,
  run: MlflowRun,
): Fact | undefined {
  // Only finished runs: their end time makes the fact stable, so re-collecting it is a no-op.
  if (run.info.status !== 'FINISHED' || run.info.end_time === undefined)
    return undefined;
  const digest = run.inputs?.dataset_inputs?.find(i => i.dataset?.digest)
    ?.dataset?.digest;
  return {
    entityRef,
    type: 'training-run',
    source: MLFLOW_COLLECTOR_ID,
    id: run.info.run_id,
    observedAt: iso(run.info.end_time),
    data: {
      runId: run.info.run_id,
      experiment,
      metrics: keyValues(run.data?.metrics, finite),
      params: keyValues(run.data?.params, text),
      ...(digest ? { datasetFingerprint: digest } : {}),
    },
  };
}

function modelVersionFact(
  entityRef: string,
  version: MlflowModelVersion,
  aliases: string[],
): Fact {
  const stage =
    version.current_stage && version.current_stage !== 'None'
      ? version.current_stage
      : undefined;
  return {
    entityRef,
    type: 'model-version',
    source: MLFLOW_COLLECTOR_ID,
    id: `${version.name}/${version.version}`,
    observedAt: iso(version.creation_timestamp ?? 0),
    data: {
      registry: 'mlflow',
      model: version.name,
      version: version.version,
      aliases,
      ...(stage ? { stage } : {}),
      ...(version.run_id ? { runId: version.run_id } : {}),
      ...(version.status ? { status: version.status } : {}),
    },
  };
}

const notFound = (
  entityRef: string,
  type: 'training-run' | 'model-version',
  what: string,
  now: Date,
  data: Record<string, string>,
): Fact => ({
  entityRef,
  type,
  source: MLFLOW_COLLECTOR_ID,
  // Per entity: two use cases may name the same missing experiment.
  id: `${entityRef}/${what}/not-found`,
  observedAt: now.toISOString(),
  data: { found: false, ...data },
});

const quote = (value: string) => `'${value.replace(/'/g, "\\'")}'`;

/** Registered models of the use case: named by annotation or after it, or fed by its runs. */
async function collectModelVersions(
  client: MlflowClient,
  entity: Entity,
  entityRef: string,
  runIds: string[],
  now: Date,
): Promise<Fact[]> {
  const named = (
    entity.metadata.annotations?.[MLFLOW_REGISTERED_MODEL_ANNOTATION] ??
    entity.metadata.name
  )
    .split(',')
    .map(n => n.trim())
    .filter(Boolean);
  const names = new Set<string>();
  for (const name of named) {
    if ((await client.searchRegisteredModels(name)).length > 0) names.add(name);
  }
  if (runIds.length > 0) {
    const fromRuns = await client.searchModelVersions(
      `run_id IN (${runIds.map(quote).join(', ')})`,
    );
    for (const v of fromRuns) names.add(v.name);
  }
  if (names.size === 0) {
    return [
      notFound(entityRef, 'model-version', named[0], now, {
        registry: 'mlflow',
        model: named[0],
      }),
    ];
  }
  const facts: Fact[] = [];
  for (const name of names) {
    const [model] = await client.searchRegisteredModels(name);
    const aliasesOf = new Map<string, string[]>();
    for (const { alias, version } of model?.aliases ?? []) {
      aliasesOf.set(version, [...(aliasesOf.get(version) ?? []), alias]);
    }
    for (const version of await client.searchModelVersions(
      `name=${quote(name)}`,
    )) {
      facts.push(
        modelVersionFact(
          entityRef,
          version,
          aliasesOf.get(version.version) ?? [],
        ),
      );
    }
  }
  return facts;
}

/**
 * The MLflow collector: for each use case with `mlflow.org/experiment` (id or name) or
 * `mlflow.org/experiment-name`, the experiment's latest finished runs (training-run facts)
 * and the versions of its registered models with their aliases (model-version facts). An
 * experiment or model MLflow does not have gives a `found: false` fact, which checks read
 * as "contradicted"; MLflow being down or answering garbage fails the whole run.
 */
export function createMlflowCollector(options: {
  baseUrl: string;
  maxRuns: number;
  token?: string;
}): FactCollector {
  return {
    id: MLFLOW_COLLECTOR_ID,
    async collect({ entities, now, signal }) {
      const client = new MlflowClient(options.baseUrl, {
        token: options.token,
        signal,
      });
      const facts: Fact[] = [];
      // Two use cases naming one experiment or model would report its runs twice; the
      // first one (in catalog order) owns them, since (source, id) names one fact.
      const ids = new Set<string>();
      const add = (fact: Fact | undefined) => {
        if (fact && !ids.has(fact.id)) {
          ids.add(fact.id);
          facts.push(fact);
        }
      };
      for (const entity of entities) {
        const experimentName = experimentOf(entity);
        if (!experimentName) continue;
        const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
        const experiment = await client.getExperiment(experimentName);
        if (!experiment) {
          add(
            notFound(entityRef, 'training-run', experimentName, now, {
              experiment: experimentName,
            }),
          );
          continue;
        }
        const runs = await client.searchRuns(
          experiment.experiment_id,
          options.maxRuns,
        );
        for (const run of runs)
          add(trainingRunFact(entityRef, experiment.name, run));
        const versions = await collectModelVersions(
          client,
          entity,
          entityRef,
          runs.map(r => r.info.run_id),
          now,
        );
        versions.forEach(add);
      }
      return facts;
    },
  };
}
