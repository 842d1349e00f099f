/*
 * The maturity processor alone, outside the catalog: the work the module adds to each
 * entity's processing, without the database and scheduling noise around it.
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { median } from '../../../scripts/benchSupport';
import { MlopsMaturityProcessor } from '../src';
import { memoryCache } from '../src/testing/memoryCache';

const location = {
  type: 'url',
  target: 'https://git.example.com/ml/catalog-info.yaml',
};

/** Median microseconds per entity of `postProcessEntity` (where all the work is). */
export async function processorMicrosecondsPerEntity(
  entities: Entity[],
  facts: ObservedFact[] = [],
  rounds = 7,
) {
  // The facts as the module holds them: in memory, looked up per entity.
  const byRef = new Map<string, ObservedFact[]>();
  for (const fact of facts) {
    byRef.set(fact.entityRef, [...(byRef.get(fact.entityRef) ?? []), fact]);
  }
  const processor = new MlopsMaturityProcessor({
    logger: mockServices.rootLogger(),
    facts: ref => byRef.get(ref),
  });
  const caches = entities.map(() => memoryCache());
  const emit = () => {};
  const pass = async () => {
    const start = performance.now();
    for (let i = 0; i < entities.length; i++) {
      await processor.postProcessEntity(entities[i], location, emit, caches[i]);
    }
    return ((performance.now() - start) * 1000) / entities.length;
  };
  await pass(); // warm-up; also fills the caches, as the first processing does
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) samples.push(await pass());
  return median(samples);
}
