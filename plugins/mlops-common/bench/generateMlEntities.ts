/*
 * Varied ML Components for the benchmarks: every type, random subsets of the evidence the
 * default model reads (our annotations and the ecosystem's alternatives), some negated
 * ("false") or malformed values, lineage through spec.dependsOn or relations. Deterministic,
 * so two runs measure the same entities.
 */
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';

const TYPES = ['ml-model', 'ml-pipeline', 'ml-service', 'llm-app'];

// Evidence the default model reads, with typical values; `bad` ones are negated or malformed.
const EVIDENCE: Array<{ key: string; good: string[]; bad?: string[] }> = [
  {
    key: 'backstage.io/source-location',
    good: ['url:https://git.example.com/ml/'],
  },
  { key: 'github.com/project-slug', good: ['acme/scorer'] },
  { key: 'gitlab.com/project-slug', good: ['ml/scorer'] },
  { key: 'backstage.io/techdocs-ref', good: ['dir:.'] },
  {
    key: 'backstage.io/source-template',
    good: ['template:default/batch-training'],
  },
  {
    key: 'landingzone.ml/container-image',
    good: ['registry.example.com/ml/scorer'],
    bad: ['false'],
  },
  {
    key: 'landingzone.ml/ci',
    good: ['github-actions', 'gitlab-ci'],
    bad: ['No', ' off '],
  },
  { key: 'jenkins.io/job-full-name', good: ['ml/scorer'] },
  {
    key: 'landingzone.ml/experiment-tracking',
    good: ['mlflow'],
    bad: ['none'],
  },
  { key: 'mlflow.org/experiment', good: ['scorer'] },
  {
    key: 'landingzone.ml/training-pipeline',
    good: ['kubeflow', 'airflow'],
    bad: [''],
  },
  { key: 'janus-idp.io/tekton', good: ['scorer'] },
  { key: 'landingzone.ml/model-registry', good: ['mlflow'] },
  {
    key: 'landingzone.ml/data-validation',
    good: ['great-expectations'],
    bad: ['disabled'],
  },
  { key: 'landingzone.ml/model-card', good: ['docs/model-card.md'] },
  { key: 'landingzone.ml/evaluation-harness', good: ['ragas'] },
  { key: 'landingzone.ml/data-residency', good: ['ca', 'eu'] },
  {
    key: 'landingzone.ml/gpu-budget',
    good: ['120', '0', '12.5'],
    bad: ['lots', '-3'],
  },
  {
    key: 'landingzone.ml/model-provider',
    good: ['azure-openai', 'Vertex-AI', 'self-hosted'],
    bad: ['anthropic', ' '],
  },
  { key: 'landingzone.ml/cd', good: ['argocd'], bad: ['FALSE'] },
  { key: 'argocd/app-selector', good: ['app=scorer'] },
  { key: 'argocd/app-name', good: ['scorer'] },
  { key: 'landingzone.ml/validation-gate', good: ['true'], bad: ['false'] },
  { key: 'landingzone.ml/monitoring', good: ['prometheus'] },
  { key: 'grafana/dashboard-selector', good: ['scorer'] },
  { key: 'prometheus.io/rule', good: ['scorer-latency'] },
  { key: 'landingzone.ml/drift-detection', good: ['evidently'] },
  {
    key: 'landingzone.ml/retraining-trigger',
    good: ['schedule', 'drift', 'Drift, schedule'],
    bad: ['sometimes'],
  },
  { key: 'landingzone.ml/rollback', good: ['true'], bad: ['no'] },
  {
    key: 'landingzone.ml/rollout-strategy',
    good: ['canary', 'ab,shadow', 'blue-green'],
    bad: ['big-bang'],
  },
  { key: 'backstage.io/kubernetes-id', good: ['scorer'] },
];

// How complete an entity's evidence is: most sit near a level boundary, some are sparse.
const COMPLETENESS = [0.3, 0.75, 0.92, 0.97, 1];

/** Deterministic pseudo-random numbers in [0, 1). */
export function randomFrom(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, good enough to vary test data.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

export interface GenerateOptions {
  seed?: number;
  /**
   * Entities a catalog accepts as provider input: always a valid owner (the schema needs
   * one), no `relations` (the catalog computes them) and the location annotations every
   * provided entity carries.
   */
  forCatalog?: boolean;
}

const LOCATION = 'url:https://git.example.com/ml/catalog-info.yaml';

/** `count` distinct ML Components named `uc-<i>`. */
export function generateMlEntities(
  count: number,
  options: GenerateOptions = {},
): Entity[] {
  const random = randomFrom(options.seed ?? 42);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const entities: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const completeness = pick(COMPLETENESS);
    const annotations: Record<string, string> = {
      ...(options.forCatalog && {
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      }),
      'landingzone.ml/business-objective': 'Score claims for fraud.',
    };
    for (const { key, good, bad } of EVIDENCE) {
      if (random() >= completeness) continue;
      annotations[key] = bad && random() < 0.04 ? pick(bad) : pick(good);
    }
    const spec: JsonObject = {
      type: pick(TYPES),
      lifecycle: pick(['experimental', 'production']),
    };
    const ownerRoll = random();
    if (ownerRoll < 0.97 || options.forCatalog) {
      spec.owner = `group:default/team-${i % 100}`;
    } else if (ownerRoll < 0.985) spec.owner = '  ';
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `uc-${i}`, namespace: 'default', annotations },
      spec,
    };
    const lineage = random();
    if (lineage < completeness * 0.6) {
      spec.dependsOn = [`resource:default/dataset-${i % 50}`];
    } else if (lineage < completeness * 0.8 && !options.forCatalog) {
      entity.relations = [
        { type: 'ownedBy', targetRef: `group:default/team-${i % 100}` },
        { type: 'dependsOn', targetRef: `resource:default/dataset-${i % 50}` },
      ];
    } else if (lineage < completeness * 0.85) {
      spec.dependsOn = [];
    }
    entities.push(entity);
  }
  return entities;
}
