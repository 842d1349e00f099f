/*
 * Plausible latest facts for generated entities (benchmarks only): what a year of pipelines,
 * registries and CI would leave as each entity's latest facts, of varied age, so every
 * evidence status occurs (observed, stale, contradicted, missing).
 */
import type { Entity } from '@backstage/catalog-model';
import type { ObservedFact } from '../src';
import { randomFrom } from './generateMlEntities';

const DAY = 86_400_000;

export function generateLatestFacts(
  entities: Entity[],
  now: number,
  seed = 7,
): Map<string, ObservedFact[]> {
  const random = randomFrom(seed);
  const byRef = new Map<string, ObservedFact[]>();
  for (const entity of entities) {
    const entityRef = `component:default/${entity.metadata.name}`.toLowerCase();
    const facts: ObservedFact[] = [];
    const add = (
      type: string,
      chance: number,
      maxAgeDays: number,
      data: Record<string, unknown>,
    ) => {
      if (random() >= chance) return;
      facts.push({
        entityRef,
        type,
        source: type === 'ci-run' ? 'github-actions' : 'pipeline',
        id: `${entity.metadata.name}/${type}/${facts.length}`,
        observedAt: new Date(now - random() * maxAgeDays * DAY).toISOString(),
        data,
      });
    };
    const version = String(1 + Math.floor(random() * 9));
    add(
      'training-run',
      0.8,
      45,
      random() < 0.05
        ? { found: false }
        : { runId: 'r', metrics: { auc: 0.9 } },
    );
    add('model-version', 0.7, 90, {
      model: 'm',
      version,
      aliases: ['champion'],
    });
    add('model-version', 0.4, 200, {
      model: 'm',
      version: `${version}-prev`,
      aliases: [],
    });
    add('ci-run', 0.8, 40, {
      status: random() < 0.85 ? 'success' : 'failure',
      commit: 'c',
      imageDigest: 'sha256:1',
    });
    add('deployment', 0.45, 60, { environment: 'production', version });
    add('deployment', 0.3, 30, { environment: 'staging', version });
    add('drift-check', 0.35, 14, {
      features: { a: 0.1 },
      threshold: 0.2,
      breached: random() < 0.1,
    });
    add('retraining', 0.3, 60, {
      trigger: random() < 0.5 ? 'drift' : 'schedule',
      runId: 'r',
    });
    add('evaluation', 0.4, 60, {
      suite: 's',
      score: 0.9,
      threshold: 0.8,
      passed: random() < 0.9,
      modelVersion: version,
    });
    if (facts.length > 0) byRef.set(entityRef, facts);
  }
  return byRef;
}
