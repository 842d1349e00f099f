/*
 * Benchmark (not a test): one full history snapshot evaluated on facts read from the
 * database, as the backend runs it (plugin.ts): every use case's latest facts through
 * FactStore.latestFacts page by page, the flow facts through readFlowFacts, evaluation with
 * the compiled maturity model, the diff against stored history, the rollups.
 *
 * LZ_BENCH_USE_CASES (default 20,000; 100,000 did not finish in 10 minutes, see the README) generated ML Components (the evaluate bench's
 * generator) with their plausible latest facts (about 5 each, of varied age) written through
 * the store. Then a first snapshot (every use case new) and a second one (nothing changed:
 * the steady state of the hourly run), on SQLite and PostgreSQL (LZ_BENCH_DATABASES). The
 * catalog is catalogServiceMock: its cost is in the figures but small beside the rest.
 * Prints figures; writes JSON to $BENCH_RESULTS_DIR/snapshot.json.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  compileMaturityModel,
  defaultMaturityModel,
  Fact,
} from '@landing-zone/plugin-mlops-common';
import { Knex } from 'knex';
import { onPostgres, onSqlite } from './benchDatabases';
import { readMlopsBackendConfig } from '../src/config';
import { HistoryStore } from '../src/database/HistoryStore';
import { migrateDatabase } from '../src/database/migrateDatabase';
import { readFlowFacts } from '../src/evidence/readFlowFacts';
import { FactStore } from '../src/facts/FactStore';
import { runSnapshot } from '../src/snapshot/runSnapshot';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { generateLatestFacts } from '../../mlops-common/bench/generateFacts';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { generateMlEntities } from '../../mlops-common/bench/generateMlEntities';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { writeBenchResults } from '../../../scripts/benchSupport';

const USE_CASES = Number(process.env.LZ_BENCH_USE_CASES ?? 20_000);
const DATABASES = (process.env.LZ_BENCH_DATABASES ?? 'sqlite,postgres').split(
  ',',
);
const NOW = Date.parse('2026-12-01T12:00:00.000Z');

// Backstage's own silent logger: bench output is the figures only.
const logger = mockServices.rootLogger({ level: 'none' });

const seconds = (ms: number) => +(ms / 1000).toFixed(2);

async function measure(db: Knex) {
  await migrateDatabase(db);
  const entities = generateMlEntities(USE_CASES);
  const facts = [...generateLatestFacts(entities, NOW).values()].flat();
  const factStore = new FactStore(db);
  let t = performance.now();
  await factStore.upsertFactsInBatches(facts as Fact[]);
  const writeMs = performance.now() - t;

  // The store's reads, timed where the snapshot makes them.
  const reads = { latestMs: 0, latestCalls: 0, flowMs: 0 };
  const timedFacts = {
    latestFacts: async (refs: string[]) => {
      const start = performance.now();
      const result = await factStore.latestFacts(refs);
      reads.latestMs += performance.now() - start;
      reads.latestCalls++;
      return result;
    },
  };
  const flow = async (sinceMs: number) => {
    const start = performance.now();
    const result = await readFlowFacts(db, sinceMs);
    reads.flowMs += performance.now() - start;
    return result;
  };
  const snapshot = (at: number) =>
    runSnapshot({
      catalog: catalogServiceMock({ entities }),
      credentials: mockCredentials.service(),
      store: new HistoryStore(db),
      config: readMlopsBackendConfig(new ConfigReader({})),
      logger,
      levelCount: defaultMaturityModel.levels.length,
      now: new Date(at),
      evidence: {
        compiled: compileMaturityModel(defaultMaturityModel),
        facts: timedFacts,
        flow,
      },
    });

  const runs: Record<string, unknown> = {};
  for (const [name, at] of [
    ['first (every use case new)', NOW],
    ['second (nothing changed)', NOW + 3_600_000],
  ] as const) {
    reads.latestMs = 0;
    reads.latestCalls = 0;
    reads.flowMs = 0;
    t = performance.now();
    await snapshot(at);
    const totalMs = performance.now() - t;
    runs[name] = {
      seconds: seconds(totalMs),
      latestFactsReadSeconds: seconds(reads.latestMs),
      latestFactsReads: reads.latestCalls,
      flowFactsReadSeconds: seconds(reads.flowMs),
    };
  }
  return {
    useCases: USE_CASES,
    facts: facts.length,
    writeFactsPerSecond: Math.round(facts.length / (writeMs / 1000)),
    snapshots: runs,
  };
}

async function main() {
  const result: Record<string, unknown> = {};
  for (const [name, on] of [
    ['sqlite', onSqlite],
    ['postgres', onPostgres],
  ] as const) {
    if (!DATABASES.includes(name)) continue;
    const r = await on('mlops-snapshot-bench', measure);
    result[name] = r;
    console.log(`${name} snapshot on facts, ${JSON.stringify(r)}`);
  }
  writeBenchResults('snapshot', result);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
