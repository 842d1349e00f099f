import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';
import { randomFor } from './seededRandom';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every demo fact comes from this source, and says so in its data too. */
export const DEMO_SOURCE = 'demo';

/**
 * Teams whose declarations the demo sources contradict: the MLflow experiment they name
 * does not exist, their evaluation gate fails, they only ever deploy to staging. One team
 * in five, chosen by name, so the state is visible on a first start.
 */
export function isContradictedTeam(owner: string): boolean {
  return randomFor(`contradicted:${owner}`)() < 0.2;
}

/**
 * Plausible latest facts for one demo use case, as its pipelines, registry and CI would
 * have reported them: mostly what its annotations declare, some of it stale (a training run
 * older than 30 days), and for contradicted teams what contradicts the declarations. Ids are
 * stable per day, so posting again the same day changes nothing.
 */
export function demoFactsFor(entity: Entity, now: number): ObservedFact[] {
  const entityRef = stringifyEntityRef(entity);
  const annotations = entity.metadata.annotations ?? {};
  const owner = String(entity.spec?.owner ?? '');
  const random = randomFor(entityRef);
  const contradicted = isContradictedTeam(owner);
  const day = Math.floor(now / DAY_MS);
  const declares = (...keys: string[]) => keys.some(key => annotations[key]);
  const facts: ObservedFact[] = [];
  const add = (
    type: string,
    daysAgo: number,
    data: Record<string, unknown>,
    source = DEMO_SOURCE,
    suffix = '',
  ) =>
    facts.push({
      entityRef,
      type,
      source,
      id: `${entity.metadata.name}/${type}${suffix}/${day}`,
      observedAt: new Date(now - daysAgo * DAY_MS - 60_000).toISOString(),
      data: { ...data, demo: true },
    });
  const version = String(2 + Math.floor(random() * 8));

  if (declares('mlflow.org/experiment', 'landingzone.ml/experiment-tracking')) {
    if (contradicted) {
      add('training-run', 0.2, {
        found: false,
        experiment: entity.metadata.name,
      });
    } else {
      // One in five has not trained for over a month: stale.
      const age = random() < 0.2 ? 35 + random() * 40 : random() * 20;
      add('training-run', age, {
        runId: `run-${version}`,
        metrics: { auc: 0.8 + random() * 0.15 },
      });
    }
  }
  if (declares('landingzone.ml/model-registry')) {
    add('model-version', 3, {
      registry: 'mlflow',
      model: entity.metadata.name,
      version,
      aliases: ['champion'],
    });
    if (random() < 0.7) {
      add(
        'model-version',
        40,
        {
          registry: 'mlflow',
          model: entity.metadata.name,
          version: String(Number(version) - 1),
          aliases: [],
        },
        DEMO_SOURCE,
        '-previous',
      );
    }
  }
  if (declares('landingzone.ml/ci', 'github.com/project-slug')) {
    add('ci-run', random() * 10, {
      status: random() < 0.85 ? 'success' : 'failure',
      commit: Math.floor(random() * 0xffffffff)
        .toString(16)
        .padStart(8, '0'),
      ...(declares('landingzone.ml/container-image')
        ? { imageDigest: `sha256:${version}${day}` }
        : {}),
    });
  }
  if (
    entity.spec?.lifecycle === 'production' ||
    declares('landingzone.ml/cd', 'argocd/app-selector')
  ) {
    add('deployment', 2 + random() * 20, {
      environment: contradicted ? 'staging' : 'production',
      version,
    });
  }
  if (
    declares(
      'landingzone.ml/validation-gate',
      'landingzone.ml/evaluation-harness',
    )
  ) {
    add('evaluation', 3, {
      suite: 'holdout',
      score: contradicted ? 0.61 : 0.88,
      threshold: 0.75,
      passed: !contradicted,
      modelVersion: version,
      ...(entity.spec?.type === 'llm-app'
        ? {
            modelProvider:
              annotations['landingzone.ml/model-provider'] ?? 'self-hosted',
            region: annotations['landingzone.ml/data-residency'] ?? 'ca',
          }
        : {}),
    });
  }
  if (declares('landingzone.ml/drift-detection')) {
    add('drift-check', random() < 0.25 ? 12 : random() * 5, {
      features: { amount: random() * 0.3 },
      statistic: 'psi',
      threshold: 0.2,
      breached: random() < 0.15,
    });
  }
  if (declares('landingzone.ml/retraining-trigger')) {
    add('retraining', 5 + random() * 20, {
      trigger: random() < 0.5 ? 'drift' : 'schedule',
      runId: `run-${version}`,
    });
  }
  return facts;
}
