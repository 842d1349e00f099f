/*
 * Benchmark (not a test): what the maturity module adds to catalog processing.
 *
 * A real catalog backend (startTestBackend, SQLite in memory) receives 10,000 varied ML
 * Components from an entity provider in one full mutation; the clock runs from the
 * mutation until every entity is processed and stitched (its final entity is written, and
 * with the module it carries landingzone.ml/maturity-level). Without and with the module,
 * alternating, so drift on the machine hits both alike, after an untimed warm-up; medians of
 * wall and CPU time and the overheads are printed next to the target (< 5 %). Then the
 * processor alone per entity: the evaluation's own cost without the noise of the rest (the
 * end-to-end runs also include storing and indexing the annotations it adds). Writes
 * $BENCH_RESULTS_DIR/catalog-processing.json.
 *
 * The processing interval is long on purpose: each entity is processed once in the window,
 * rather than finished entities being processed again while others still wait. A run takes
 * ~85 s on 2 cores whatever the module: the catalog keeps 10 entities in flight and its
 * batch inserts wait a timer tick each while holding SQLite's only connection (about 60 %
 * of the wall time is idle), none of which is configurable.
 *
 * Sizes: LZ_BENCH_CATALOG_ENTITIES (default 10,000), LZ_BENCH_CATALOG_RUNS (per variant,
 * default 2).
 */
/* eslint-disable no-console -- a benchmark is a program that prints its figures */
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
// Shared with the evaluation benchmark; scripts/bench.js inlines both.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { generateMlEntities } from '../../mlops-common/bench/generateMlEntities';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  median,
  msSince,
  verdict,
  writeBenchResults,
} from '../../../scripts/benchSupport';
import { catalogModuleMlopsMaturity } from '../src';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { generateLatestFacts } from '../../mlops-common/bench/generateFacts';
import { benchEntityProvider } from './benchEntityProvider';
import { benchFactsBackend } from './benchFactsBackend';
import { processorMicrosecondsPerEntity } from './measureProcessor';

const ENTITIES = Number(process.env.LZ_BENCH_CATALOG_ENTITIES ?? 10_000);
const RUNS = Number(process.env.LZ_BENCH_CATALOG_RUNS ?? 2);
const TARGET_OVERHEAD = 5;
const TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 250;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

// Polled while the catalog works, so it must stay cheap: a null test reads no JSON.
async function stitchedCount(knex: Knex) {
  const [row] = await knex('final_entities')
    .whereNotNull('final_entity')
    .count({ n: '*' });
  return Number(row.n);
}

/** Counted once at the end: stitched entities whose final entity has a maturity level. */
async function annotatedCount(knex: Knex) {
  const [row] = await knex('final_entities')
    .where('final_entity', 'like', '%"landingzone.ml/maturity-level"%')
    .count({ n: '*' });
  return Number(row.n);
}

async function levelOneOrMore(knex: Knex) {
  const [row] = await knex('final_entities')
    .where('final_entity', 'like', '%"landingzone.ml/maturity-level":"1"%')
    .orWhere('final_entity', 'like', '%"landingzone.ml/maturity-level":"2"%')
    .count({ n: '*' });
  return Number(row.n);
}

// Both variants wait for the same thing: every entity processed and stitched. An entity
// is only stitched after it was processed, so with the module it has its level by then
// (checked after the clock stops).
async function waitUntilStitched(knex: Knex, count: number) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const stitched = await stitchedCount(knex);
    if (stitched === count) return;
    if (Date.now() > deadline) {
      throw new Error(
        `only ${stitched} of ${count} stitched after ${TIMEOUT_MS} ms`,
      );
    }
    await sleep(POLL_MS);
  }
}

/** Wall and CPU seconds for a fresh catalog to process and stitch all entities. */
async function processAll(
  entities: Entity[],
  withModule: boolean,
  facts: ObservedFact[],
) {
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const provider = benchEntityProvider();
  // The test scheduler skips tasks with an initial delay: the bench runs the module's facts
  // refresh itself, once, before the entities arrive (as it would have run by then).
  const scheduler = mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      import('@backstage/plugin-catalog-backend'),
      provider.module,
      // Both variants run the same stand-in mlops backend, so serving facts costs both alike.
      benchFactsBackend(facts),
      scheduler.factory(),
      ...(withModule ? [catalogModuleMlopsMaturity] : []),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            rules: [{ allow: ['Component'] }],
            processingInterval: { minutes: 30 },
            stitchingStrategy: { pollingInterval: { milliseconds: 100 } },
          },
        },
      }),
    ],
  });
  try {
    if (withModule) await scheduler.triggerTask('mlops-maturity-facts-refresh');
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await provider.provide(entities);
    await waitUntilStitched(knex, entities.length);
    const seconds = msSince(start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const annotated = await annotatedCount(knex);
    // The default model reaches Level 1 only on observed facts: any entity there proves the
    // module evaluated with the facts it fetched.
    const onFacts = await levelOneOrMore(knex);
    if (withModule && onFacts === 0) {
      throw new Error('no entity reached Level 1: the module had no facts');
    }
    if (annotated !== (withModule ? entities.length : 0)) {
      throw new Error(
        `${annotated} of ${entities.length} entities have a maturity level`,
      );
    }
    return {
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      annotated,
      onFacts,
    };
  } finally {
    await backend.stop();
    await knex.destroy();
  }
}

const percentMore = (value: number, base: number) =>
  ((value - base) / base) * 100;

async function main() {
  const entities = generateMlEntities(ENTITIES, { forCatalog: true });
  console.log(
    `${ENTITIES.toLocaleString(
      'en-US',
    )} ML entities, ${RUNS} runs per variant, alternating`,
  );
  // The first catalog in the process runs cold (JIT, module loading): not timed.
  // Latest facts for the entities, as the mlops backend would serve them.
  const facts = [...generateLatestFacts(entities, Date.now()).values()].flat();
  console.log(
    `${facts.length.toLocaleString('en-US')} latest facts served to the module`,
  );
  await processAll(entities.slice(0, Math.min(ENTITIES, 1000)), true, facts);
  const runs = { baseline: [] as Run[], module: [] as Run[] };
  for (let run = 0; run < RUNS; run++) {
    for (const variant of ['baseline', 'module'] as const) {
      const result = await processAll(entities, variant === 'module', facts);
      runs[variant].push(result);
      console.log(
        `run ${run + 1} ${variant.padEnd(8)} ${result.seconds.toFixed(2)} s, ` +
          `CPU ${result.cpuSeconds.toFixed(2)} s (${ENTITIES} stitched, ` +
          `${result.annotated} with a maturity level, ${result.onFacts} at Level ≥ 1 on facts)`,
      );
    }
  }
  const wall = {
    baseline: median(runs.baseline.map(r => r.seconds)),
    module: median(runs.module.map(r => r.seconds)),
  };
  const cpu = {
    baseline: median(runs.baseline.map(r => r.cpuSeconds)),
    module: median(runs.module.map(r => r.cpuSeconds)),
  };
  const overhead = percentMore(wall.module, wall.baseline);
  // CPU time counts this process only (SQLite runs in it), so other work on the machine
  // disturbs it less than the wall clock.
  const cpuOverhead = percentMore(cpu.module, cpu.baseline);

  // Entities as processors get them: parsed from the JSON the catalog stores.
  const parsed: Entity[] = JSON.parse(JSON.stringify(entities));
  const processorMicros = await processorMicrosecondsPerEntity(parsed, facts);
  const baselineCpuMicros = (cpu.baseline * 1e6) / ENTITIES;
  const processorShare = (processorMicros / baselineCpuMicros) * 100;

  const target = (value: number) =>
    `[target < ${TARGET_OVERHEAD} %: ${verdict(value < TARGET_OVERHEAD)}]`;
  console.log(
    `catalog without the module: median ${wall.baseline.toFixed(2)} s ` +
      `(CPU ${cpu.baseline.toFixed(2)} s)`,
  );
  console.log(
    `catalog with the module:    median ${wall.module.toFixed(2)} s ` +
      `(CPU ${cpu.module.toFixed(2)} s)`,
  );
  console.log(
    `overhead, wall clock: ${overhead.toFixed(1)} % ${target(overhead)}`,
  );
  console.log(
    `overhead, CPU time:   ${cpuOverhead.toFixed(1)} % ${target(cpuOverhead)}`,
  );
  console.log(
    `processor alone (postProcessEntity): ${processorMicros.toFixed(
      2,
    )} µs per entity = ` +
      `${processorShare.toFixed(
        2,
      )} % of the catalog's ${baselineCpuMicros.toFixed(0)} µs ` +
      `of CPU per entity ${target(processorShare)}`,
  );

  writeBenchResults('catalog-processing', {
    entities: ENTITIES,
    runsPerVariant: RUNS,
    runs,
    medianSeconds: wall,
    medianCpuSeconds: cpu,
    overheadPercent: {
      wall: +overhead.toFixed(2),
      cpu: +cpuOverhead.toFixed(2),
    },
    processor: {
      microsecondsPerEntity: +processorMicros.toFixed(3),
      percentOfCatalogCpuPerEntity: +processorShare.toFixed(3),
    },
    target: {
      overheadPercent: TARGET_OVERHEAD,
      // Both readings are reported: wall time includes waits, CPU time does not.
      met: {
        wall: overhead < TARGET_OVERHEAD,
        cpu: cpuOverhead < TARGET_OVERHEAD,
      },
    },
  });
}

interface Run {
  seconds: number;
  cpuSeconds: number;
  annotated: number;
  onFacts: number;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
