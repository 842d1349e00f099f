import type { Entity } from '@backstage/catalog-model';
import type { MaturityModel, ObservedFact } from '../types';
import { defaultMaturityModel } from '../defaultMaturityModel';

/** Evidence a golden-path template writes at creation: exactly Level 1. */
export const LEVEL_ONE_ANNOTATIONS: Record<string, string> = {
  'backstage.io/source-template': 'template:default/batch-training',
  'backstage.io/techdocs-ref': 'dir:.',
  'backstage.io/source-location': 'url:https://git.example.com/fraud/scorer',
  'landingzone.ml/container-image': 'registry.example.com/fraud/scorer',
  'landingzone.ml/ci': 'github-actions',
  'landingzone.ml/experiment-tracking': 'mlflow',
  'landingzone.ml/training-pipeline': 'kubeflow',
  'landingzone.ml/model-registry': 'mlflow',
  'landingzone.ml/data-validation': 'great-expectations',
  'landingzone.ml/model-card': 'docs/model-card.md',
};

/** What Level 2 adds (annotations; lineage comes from spec.dependsOn). */
export const LEVEL_TWO_ANNOTATIONS: Record<string, string> = {
  'landingzone.ml/cd': 'argocd',
  'landingzone.ml/validation-gate': 'true',
  'landingzone.ml/monitoring': 'prometheus',
  'landingzone.ml/drift-detection': 'evidently',
  'landingzone.ml/retraining-trigger': 'schedule,drift',
  'landingzone.ml/rollback': 'true',
  'landingzone.ml/rollout-strategy': 'canary',
  'backstage.io/kubernetes-id': 'fraud-scorer',
};

export const LLM_ANNOTATIONS: Record<string, string> = {
  'landingzone.ml/evaluation-harness': 'ragas',
  'landingzone.ml/data-residency': 'ca',
  'landingzone.ml/gpu-budget': '120',
  'landingzone.ml/model-provider': 'azure-openai',
};

export function mlEntity(
  options: {
    type?: string;
    annotations?: Record<string, unknown>;
    spec?: Record<string, unknown>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'fraud-scorer',
      annotations: (options.annotations ?? {}) as Record<string, string>,
    },
    spec: {
      type: options.type ?? 'ml-model',
      lifecycle: 'experimental',
      owner: 'group:default/fraud-ml',
      ...options.spec,
    },
  };
}

export const levelOneEntity = (type = 'ml-model') =>
  mlEntity({
    type,
    annotations: {
      ...LEVEL_ONE_ANNOTATIONS,
      ...(type === 'llm-app' ? LLM_ANNOTATIONS : {}),
    },
  });

export const levelTwoEntity = (type = 'ml-model') =>
  mlEntity({
    type,
    annotations: {
      ...LEVEL_ONE_ANNOTATIONS,
      ...LEVEL_TWO_ANNOTATIONS,
      ...(type === 'llm-app' ? LLM_ANNOTATIONS : {}),
    },
    spec: { dependsOn: ['resource:default/claims-dataset'] },
  });

const DAY = 86_400_000;

/** A fixed "now" so freshness is deterministic. */
export const NOW = Date.parse('2026-12-01T12:00:00Z');

/** A fact about the test entity, `daysAgo` before `now`. */
export function factOf(
  type: string,
  data: Record<string, unknown>,
  options: {
    daysAgo?: number;
    now?: number;
    source?: string;
    id?: string;
  } = {},
): ObservedFact {
  const now = options.now ?? NOW;
  return {
    entityRef: 'component:default/fraud-scorer',
    type,
    source: options.source ?? 'pipeline',
    id: options.id ?? `${type}-${options.daysAgo ?? 0}`,
    observedAt: new Date(now - (options.daysAgo ?? 0) * DAY).toISOString(),
    data,
  };
}

/** What a Level 1 pipeline reports: a training run, a model version, a green CI run with its image. */
export const levelOneFacts = (now = NOW): ObservedFact[] => [
  factOf(
    'training-run',
    { runId: 'r1', metrics: { auc: 0.91 } },
    { daysAgo: 2, now },
  ),
  factOf(
    'model-version',
    { registry: 'mlflow', model: 'fraud', version: '3', aliases: ['champion'] },
    { daysAgo: 2, now },
  ),
  factOf(
    'ci-run',
    { status: 'success', commit: 'abc', imageDigest: 'sha256:1' },
    { daysAgo: 1, now },
  ),
];

/**
 * The default model with declarations counting (evidence mode `declared`): the suites that
 * test what each annotation means use it; evaluateWithFacts.test.ts tests observations.
 */
export const declaredDefaultModel: MaturityModel = {
  ...defaultMaturityModel,
  evidence: 'declared',
};
