/*
 * Benchmark (not a test): fact ingestion and fact storage, on SQLite and PostgreSQL.
 *
 * 1. Ingestion: POST /facts through the real facts router (body parsing, validation, the
 *    writer check, the store) over HTTP, with only authentication stubbed at the edge (a
 *    service principal). LZ_BENCH_PUSHES pushes of 500 new facts each, then the same pushes
 *    again (a retried pipeline: all unchanged). Reports facts/s and p50/p95 per push.
 * 2. Storage after a simulated year: LZ_BENCH_SAMPLE use cases (default 1,000) × 365 days ×
 *    one fact per use case per day, in two scenarios: a daily drift check; and a mix (six
 *    days of seven a drift check, the seventh a training run, and every 30th day a
 *    production deployment, which retention never thins). Ids are 32 hex characters, like
 *    MLflow's and CI's run ids. Written day by day through the store, with the retention
 *    task after each simulated day (default config). The bytes the facts add to the
 *    database (the database minus the same one with empty tables; storage.ts says how it
 *    is measured) are extrapolated linearly to 100,000 use cases: every stored row belongs
 *    to one use case and nothing else is shared but a few source rows.
 * Prints figures; writes JSON to $BENCH_RESULTS_DIR/facts.json.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Fact } from '@landing-zone/plugin-mlops-common';
import express from 'express';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import { Knex } from 'knex';
import { onPostgres, onSqlite } from './benchDatabases';
import { migrateDatabase } from '../src/database/migrateDatabase';
import { readFactsConfig } from '../src/facts/config/readFactsConfig';
import { FactStore } from '../src/facts/FactStore';
import { runFactRetention } from '../src/facts/retention/runFactRetention';
import { createFactsRouter } from '../src/facts/router/createFactsRouter';
import { postgresStorage, sqliteStorage, StorageReport } from './storage';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { writeBenchResults, verdict } from '../../../scripts/benchSupport';

const PUSHES = Number(process.env.LZ_BENCH_PUSHES ?? 100);
const SAMPLE = Number(process.env.LZ_BENCH_SAMPLE ?? 1_000);
const TARGET_USE_CASES = 100_000;
const TARGET_MB = 500;
const DAYS = 365;
const DAY = 86_400_000;
/** Which databases to measure (`sqlite,postgres` by default), for a quicker run of one. */
const DATABASES = (process.env.LZ_BENCH_DATABASES ?? 'sqlite,postgres').split(
  ',',
);
/** LZ_BENCH_SCENARIO=mixed measures the mixed year only. */
const ONLY_MIXED = process.env.LZ_BENCH_SCENARIO === 'mixed';

const facts = readFactsConfig(new ConfigReader({}));
// Backstage's own silent logger: bench output is the figures only.
const logger = mockServices.rootLogger({ level: 'none' });

function percentile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function pushBody(push: number): { facts: Fact[] } {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  return {
    facts: Array.from({ length: 500 }, (_, i) => ({
      entityRef: `component:default/use-case-${(push * 500 + i) % 20_000}`,
      type: 'training-run',
      source: 'pipeline',
      id: `run-${push}-${i}`,
      observedAt: at,
      data: {
        runId: `run-${push}-${i}`,
        experiment: 'bench',
        metrics: { auc: 0.9, f1: 0.8, loss: 0.31 },
        params: { max_depth: '6', n_estimators: '200' },
      },
    })),
  };
}

async function serve(store: FactStore) {
  const app = express();
  app.use(
    '/api/mlops',
    createFactsRouter({
      store,
      config: facts,
      // Authentication is the one stub: a pipeline's service principal.
      httpAuth: {
        credentials: async () => ({
          $$type: '@backstage/BackstageCredentials',
          principal: { type: 'service', subject: 'ml-pipelines' },
        }),
      } as any,
      permissions: {
        authorize: async (requests: unknown[]) =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      } as any,
      catalog: catalogServiceMock(),
      logger,
      collectorIds: () => [],
    }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  return {
    server,
    url: `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/mlops/facts`,
  };
}

async function ingestion(db: Knex) {
  await migrateDatabase(db);
  const { server, url } = await serve(new FactStore(db));
  const bodies = Array.from({ length: PUSHES }, (_, i) =>
    JSON.stringify(pushBody(i)),
  );
  const round = async () => {
    const samples: number[] = [];
    const start = performance.now();
    for (const body of bodies) {
      const t = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      if (res.status !== 200)
        throw new Error(`push answered ${res.status}: ${await res.text()}`);
      await res.json();
      samples.push(performance.now() - t);
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      factsPerSecond: Math.round((PUSHES * 500) / seconds),
      p50Ms: +percentile(samples, 0.5).toFixed(1),
      p95Ms: +percentile(samples, 0.95).toFixed(1),
    };
  };
  const fresh = await round();
  const repeated = await round();
  server.close();
  return {
    pushes: PUSHES,
    factsPerPush: 500,
    newFacts: fresh,
    repeatedFacts: repeated,
  };
}

/** A 32-hex id like the run ids MLflow, CI and Argo give: ids are a good part of a row. */
const runId = (u: number, day: number, kind: number) =>
  ((u * 7919 + day * 104_729 + kind) >>> 0)
    .toString(16)
    .padStart(8, '0')
    .repeat(4);

/** The simulated year's facts of one day, one per use case. */
function dayFacts(day: number, end: number, mixed: boolean): Fact[] {
  const observedAt = new Date(
    end - (DAYS - day) * DAY + 3_600_000,
  ).toISOString();
  return Array.from({ length: SAMPLE }, (_, u): Fact => {
    const entityRef = `component:default/use-case-${u}`;
    if (mixed && (day + u) % 30 === 0) {
      return {
        entityRef,
        type: 'deployment',
        source: 'argo-cd',
        id: runId(u, day, 1),
        observedAt,
        data: {
          environment: 'production',
          version: String(day),
          imageDigest: `sha256:${'a'.repeat(64)}`,
        },
      };
    }
    if (mixed && (day + u) % 7 === 0) {
      return {
        entityRef,
        type: 'training-run',
        source: 'mlflow',
        id: runId(u, day, 2),
        observedAt,
        data: {
          runId: runId(u, day, 2),
          experiment: `use-case-${u}`,
          metrics: { auc: 0.9, f1: 0.81 },
          params: { max_depth: '6' },
        },
      };
    }
    return {
      entityRef,
      type: 'drift-check',
      source: 'pipeline',
      id: runId(u, day, 3),
      observedAt,
      data: {
        features: { age: 0.05, income: 0.12, tenure: 0.02, region: 0.08 },
        statistic: 'psi',
        threshold: 0.2,
        breached: (day * 31 + u) % 97 === 0,
      },
    };
  });
}

async function storage(
  mixed: boolean,
  db: Knex,
  measure: () => Promise<StorageReport>,
  afterDay: () => Promise<unknown> = async () => undefined,
) {
  await migrateDatabase(db);
  const store = new FactStore(db);
  const end = Date.now();
  const empty = await measure();
  let writeMs = 0;
  let retentionMs = 0;
  const removed = { expired: 0, thinned: 0 };
  // Day by day, with the daily retention task after each day, as a deployment runs: freed
  // pages are reused by the next day's writes, so the file shows the steady state.
  for (let day = 0; day < DAYS; day++) {
    let t = performance.now();
    await store.upsertFactsInBatches(dayFacts(day, end, mixed));
    writeMs += performance.now() - t;
    t = performance.now();
    const run = await runFactRetention({
      db,
      config: facts.retention,
      logger,
      now: new Date(end - (DAYS - day - 1) * DAY),
    });
    retentionMs += performance.now() - t;
    removed.expired += run.expired;
    removed.thinned += run.thinned;
    await afterDay();
  }
  const after = await measure();
  const rows = Number((await db('mlops_facts').count({ n: '*' }))[0].n);
  const scale = TARGET_USE_CASES / SAMPLE;
  // What the facts add: the database minus the same database with empty tables (on
  // PostgreSQL that is mostly the system catalogs of a fresh database).
  const factBytes = after.totalBytes - empty.totalBytes;
  return {
    sampleUseCases: SAMPLE,
    factsWritten: SAMPLE * DAYS,
    writeFactsPerSecond: Math.round((SAMPLE * DAYS) / (writeMs / 1000)),
    retention: {
      ...removed,
      secondsPerDailyRun: +(retentionMs / 1000 / DAYS).toFixed(3),
    },
    rowsKept: rows,
    rowsPerUseCase: +(rows / SAMPLE).toFixed(1),
    bytesPerRow: Math.round(factBytes / rows),
    sampleMegabytes: +(factBytes / 1e6).toFixed(1),
    extrapolatedMegabytes: +((factBytes * scale) / 1e6).toFixed(0),
    relations: after.relations.filter(
      r => r.name.includes('fact') || r.name === '(free pages)',
    ),
  };
}

async function main() {
  const result: Record<string, unknown> = {};
  if (PUSHES > 0 && DATABASES.includes('sqlite')) {
    result.sqliteIngestion = await onSqlite('mlops-facts-bench', db =>
      ingestion(db),
    );
    console.log('sqlite ingestion', JSON.stringify(result.sqliteIngestion));
  }
  if (PUSHES > 0 && DATABASES.includes('postgres')) {
    result.postgresIngestion = await onPostgres('mlops-facts-bench', db =>
      ingestion(db),
    );
    console.log('postgres ingestion', JSON.stringify(result.postgresIngestion));
  }

  for (const [scenario, mixed] of [
    ['daily drift check', false],
    [
      'mixed: drift checks, a weekly training run, a monthly production deployment',
      true,
    ],
  ] as const) {
    if (ONLY_MIXED && !mixed) continue;
    const sqlite = DATABASES.includes('sqlite')
      ? await onSqlite('mlops-facts-bench', (db, file) =>
          storage(mixed, db, () => sqliteStorage(db, fs.statSync(file).size)),
        )
      : undefined;
    // Autovacuum makes the rows retention deleted reusable within the day; the bench does
    // what it would, explicitly, so the year does not measure vacuum lag.
    const pg = DATABASES.includes('postgres')
      ? await onPostgres('mlops-facts-bench', db =>
          storage(
            mixed,
            db,
            () => postgresStorage(db),
            () =>
              db.raw(
                'vacuum mlops_facts, mlops_fact_latest, mlops_fact_entities',
              ),
          ),
        )
      : undefined;
    result[mixed ? 'storageMixed' : 'storageDriftOnly'] = {
      scenario,
      sqlite,
      postgres: pg,
    };
    for (const [name, r] of [
      ['sqlite', sqlite],
      ['postgres', pg],
    ] as const) {
      if (!r) continue;
      console.log(
        `${name} storage after a simulated year (${scenario}), ${TARGET_USE_CASES} use cases: ` +
          `${r.extrapolatedMegabytes} MB (target < ${TARGET_MB} MB: ${verdict(
            r.extrapolatedMegabytes < TARGET_MB,
          )}); ` +
          `${r.rowsPerUseCase} rows per use case, ${r.bytesPerRow} bytes per row, ` +
          `${r.writeFactsPerSecond} facts/s written, retention ${r.retention.secondsPerDailyRun} s per daily run`,
      );
    }
  }
  writeBenchResults('facts', result);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
