/*
 * Benchmark (not a test): the scorecard API on a simulated year.
 *
 * 100,000 use cases, 1,000 teams, 365 days of history are written straight into the
 * history tables (as a year of snapshots would have left them; simulatedYear.ts says what
 * the year holds), the rollups are refreshed three times, the database size is measured
 * per table and index (storage.ts says how), then /overview and /teams are timed on
 * SQLite and PostgreSQL, side by side with computing the same overview from the catalog on
 * every request. A load run (autocannon) counts errors. Prints figures; writes JSON to
 * $BENCH_RESULTS_DIR/api.json.
 *
 * Sizes: LZ_BENCH_USE_CASES, LZ_BENCH_TEAMS, LZ_BENCH_LOAD_SECONDS.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import autocannon from 'autocannon';
import express from 'express';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { readMlopsBackendConfig } from '../src/config';
import { HistoryStore } from '../src/database/HistoryStore';
import { migrateDatabase } from '../src/database/migrateDatabase';
import { createRouter } from '../src/router/createRouter';
import { dayOf } from '../src/service/stats';
import { summarize } from '../src/service/summarize';
import { readCatalogUseCases } from '../src/snapshot/readCatalog';
import { refreshRollups } from '../src/snapshot/refreshRollups';
import {
  catalogEntities,
  loadYear,
  simulateYear,
  SimulatedUseCase,
} from './simulatedYear';
import { postgresStorage, sqliteStorage, StorageReport } from './storage';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { writeBenchResults } from '../../../scripts/benchSupport';

const USE_CASES = Number(process.env.LZ_BENCH_USE_CASES ?? 100_000);
const TEAMS = Number(process.env.LZ_BENCH_TEAMS ?? 1_000);
const LOAD_SECONDS = Number(process.env.LZ_BENCH_LOAD_SECONDS ?? 30);
const DAYS = 365;
const PG =
  process.env.LZ_BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432/test';

const config = readMlopsBackendConfig(new ConfigReader({}));
const now = new Date();
const today = dayOf(now);

function percentile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function time(n: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return {
    p50: +percentile(samples, 0.5).toFixed(2),
    p95: +percentile(samples, 0.95).toFixed(2),
    n,
  };
}

async function serve(store: HistoryStore) {
  const app = express();
  app.use(
    '/api/mlops',
    await createRouter({
      store,
      config,
      catalog: catalogServiceMock(),
      logger: mockServices.rootLogger(),
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
    }),
  );
  const server = app.listen(0);
  await new Promise(resolve => server.once('listening', resolve));
  return {
    server,
    base: `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/mlops`,
  };
}

async function benchDatabase(
  name: string,
  knex: Knex,
  useCases: SimulatedUseCase[],
  storage: () => Promise<StorageReport>,
) {
  await migrateDatabase(knex);
  const store = new HistoryStore(knex);
  let start = Date.now();
  await loadYear(store, useCases, today);
  const loadSeconds = (Date.now() - start) / 1000;
  const refresh = () =>
    refreshRollups({
      store,
      today,
      value: config.value,
      levelCount: 3,
      teamTitles: new Map(),
    });
  start = Date.now();
  await refresh();
  const rollupSeconds = (Date.now() - start) / 1000;
  // Two more snapshots of the same day rewrite today's rollups and every summary again:
  // the size is measured after them, so rewritten rows that pile up would show.
  await refresh();
  await refresh();
  const { totalBytes, relations } = await storage();
  // Counted in the database, so rows an insert ignored are not reported as stored.
  const rows: Record<string, number> = {};
  for (const table of [
    'mlops_entities',
    'mlops_runs',
    'mlops_events',
    'mlops_entity_scores',
    'mlops_team_days',
    'mlops_team_windows',
  ]) {
    const [{ n }] = await knex(table).count({ n: '*' });
    rows[table] = Number(n);
  }

  const { server, base } = await serve(store);
  const get = (p: string) =>
    fetch(`${base}${p}`).then(async r => {
      if (!r.ok) throw new Error(`${p}: ${r.status}`);
      return r.text();
    });
  await get('/teams');
  const overview = await time(200, () => get('/overview'));
  const teams = await time(100, () => get('/teams'));
  const load30 = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      { url: `${base}/overview`, connections: 100, duration: LOAD_SECONDS },
      (err, res) => (err ? reject(err) : resolve(res)),
    ),
  );
  // Let requests still queued when autocannon stopped finish before closing the pool.
  await new Promise(resolve => setTimeout(resolve, 3000));
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
  const result = {
    loadSeconds,
    rollupSeconds,
    rows,
    megabytes: +(totalBytes / 1e6).toFixed(1),
    relations,
    overviewMs: overview,
    teamsMs: teams,
    load: {
      url: '/overview',
      connections: 100,
      seconds: LOAD_SECONDS,
      requests: load30.requests.total,
      rps: load30.requests.average,
      errors: load30.errors + load30.non2xx + load30.timeouts,
      p99Ms: load30.latency.p99,
    },
  };
  console.log(name, JSON.stringify(result, null, 2));
  return result;
}

async function main() {
  const simulated = simulateYear(USE_CASES, TEAMS, now);
  console.log(`simulated ${USE_CASES} use cases, ${TEAMS} teams, ${DAYS} days`);

  // Baseline: the same overview computed from the catalog on every request. The catalog is
  // a lower bound of the real one: pages of 500 copied out of memory (the copy stands in
  // for serialisation), no HTTP and no database. catalogServiceMock's in-memory client
  // re-filters the whole list for each page (quadratic), which would flatter our speed-up.
  const entities = catalogEntities(simulated);
  const catalog = {
    async *streamEntities() {
      for (let i = 0; i < entities.length; i += 500) {
        yield JSON.parse(JSON.stringify(entities.slice(i, i + 500)));
      }
    },
  } as unknown as CatalogService;
  const baseline = await time(5, async () => {
    const useCases = await readCatalogUseCases(
      catalog,
      mockCredentials.service(),
      config.mlTypes,
    );
    return summarize({
      useCases: useCases.map(u => ({
        level: u.maturity.level,
        score: u.maturity.score,
        lifecycle: u.lifecycle,
        createdAt: u.createdAt,
        reachedProductionAt: null,
        templateRef: u.templateRef,
      })),
      dayStates: new Map(),
      window: 90,
      period: 'week',
      today,
      levelCount: 3,
      value: config.value,
    });
  });
  console.log('on-request baseline (catalog walk + compute)', baseline);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-bench-'));
  const file = path.join(dir, 'mlops.sqlite');
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  const sqliteResult = await benchDatabase(
    'sqlite',
    sqlite,
    simulated,
    async () => sqliteStorage(sqlite, fs.statSync(file).size),
  );
  await sqlite.destroy();
  fs.rmSync(dir, { recursive: true, force: true });

  const admin = knexFactory({ client: 'pg', connection: PG });
  const dbName = `mlops_bench_${process.pid}`;
  await admin.raw(`create database ${dbName}`);
  const pg = knexFactory({
    client: 'pg',
    connection: PG.replace(/\/[^/]*$/, `/${dbName}`),
    pool: { min: 0, max: 10 },
  });
  let pgResult;
  try {
    pgResult = await benchDatabase('postgres', pg, simulated, () =>
      postgresStorage(pg),
    );
  } finally {
    await pg.destroy();
    await admin.raw(`drop database if exists ${dbName}`);
    await admin.destroy();
  }

  const summary = {
    sizes: { useCases: USE_CASES, teams: TEAMS, days: DAYS },
    baselineOverviewMs: baseline,
    sqlite: {
      ...sqliteResult,
      speedupP95: +(baseline.p95 / sqliteResult.overviewMs.p95).toFixed(0),
    },
    postgres: {
      ...pgResult!,
      speedupP95: +(baseline.p95 / pgResult!.overviewMs.p95).toFixed(0),
    },
  };
  console.log(
    JSON.stringify({
      speedupSqlite: summary.sqlite.speedupP95,
      speedupPostgres: summary.postgres.speedupP95,
    }),
  );
  writeBenchResults('api', summary);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
