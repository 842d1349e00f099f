import type { Entity } from '@backstage/catalog-model';

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
