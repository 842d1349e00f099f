/*
 * Benchmark (not a test): the scorecard API on a simulated year.
 *
 * 100,000 use cases, 1,000 teams, 365 days of history are written straight into the
 * history tables (as a year of snapshots would have left them), the rollups are refreshed
 * once, then /overview and /teams are timed on SQLite and PostgreSQL, side by side with
 * computing the same overview from the catalog on every request. A load run (autocannon)
 * counts errors. Prints figures; writes JSON to $BENCH_RESULTS_DIR/api.json.
 *
 * Sizes: LZ_BENCH_USE_CASES, LZ_BENCH_TEAMS, LZ_BENCH_LOAD_SECONDS.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
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
import {
  EntityRow,
  EventRow,
  ScoreRow,
  TeamDayRow,
} from '../src/database/rows';
import { createRouter } from '../src/router/createRouter';
import { addDays, dayOf } from '../src/service/stats';
import { summarize } from '../src/service/summarize';
import { readCatalogUseCases } from '../src/snapshot/readCatalog';
import { refreshRollups, teamDayRow } from '../src/snapshot/refreshRollups';

const USE_CASES = Number(process.env.LZ_BENCH_USE_CASES ?? 100_000);
const TEAMS = Number(process.env.LZ_BENCH_TEAMS ?? 1_000);
const LOAD_SECONDS = Number(process.env.LZ_BENCH_LOAD_SECONDS ?? 30);
const DAYS = 365;
const DAY_MS = 86_400_000;
const PG =
  process.env.LZ_BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432/test';

const config = readMlopsBackendConfig(new ConfigReader({}));
const now = new Date();
const today = dayOf(now);

/** Deterministic pseudo-random numbers. */
let seed = 42;
function random() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}

interface Simulated {
  ref: string;
  team: string;
  created: number;
  levelAt: number[];
  reached: number | null;
  score: number;
}

function simulateYear(): Simulated[] {
  return Array.from({ length: USE_CASES }, (_, i) => {
    const created = now.getTime() - random() * DAYS * DAY_MS;
    const level = Math.floor(random() * 3);
    const levelAt = Array.from(
      { length: level },
      (__, l) => created + ((l + 1) / (level + 1)) * (now.getTime() - created),
    );
    const reachedAt = created + (5 + random() * 85) * DAY_MS;
    const reached =
      random() < 0.45 && reachedAt < now.getTime() ? reachedAt : null;
    return {
      ref: `component:default/uc-${i}`,
      team: `group:default/team-${i % TEAMS}`,
      created,
      levelAt,
      reached,
      score: Math.round(random() * 100),
    };
  });
}

const iso = (t: number) => new Date(t).toISOString();

async function load(store: HistoryStore, sims: Simulated[]) {
  const changes = sims.map(s => {
    const row: EntityRow = {
      entity_ref: s.ref,
      team_ref: s.team,
      title: s.ref.split('/')[1],
      type: 'ml-model',
      lifecycle: s.reached ? 'production' : 'experimental',
      level: s.levelAt.length,
      score: s.score,
      failing_checks: 'cd,monitoring',
      template_ref: 'template:default/ml-model',
      created_at: iso(s.created),
      reached_production_at: s.reached ? iso(s.reached) : null,
      first_seen_at: iso(s.created),
      last_seen_at: now.toISOString(),
      deleted: false,
      demo: false,
    };
    const events: EventRow[] = [
      {
        entity_ref: s.ref,
        type: 'created',
        at: iso(s.created),
        task_id: `t-${s.ref}`,
        template_ref: row.template_ref,
        outcome: 'succeeded',
        dedupe_key: `created:t-${s.ref}`,
      },
      {
        entity_ref: s.ref,
        type: 'first-seen',
        at: iso(s.created),
        to_level: 0,
        dedupe_key: `first-seen:${s.ref}`,
      },
      ...s.levelAt.map((t, l) => ({
        entity_ref: s.ref,
        type: 'level-changed' as const,
        at: iso(t),
        from_level: l,
        to_level: l + 1,
      })),
      ...(s.reached
        ? [
            {
              entity_ref: s.ref,
              type: 'lifecycle-changed' as const,
              at: iso(s.reached),
              from_lifecycle: 'experimental',
              to_lifecycle: 'production',
            },
            {
              entity_ref: s.ref,
              type: 'reached-production' as const,
              at: iso(s.reached),
              dedupe_key: `reached-production:${s.ref}`,
            },
          ]
        : []),
    ];
    return { row, events };
  });
  for (let i = 0; i < changes.length; i += 5000) {
    await store.applyChanges(changes.slice(i, i + 5000));
  }
  const scores: ScoreRow[] = sims.flatMap(s =>
    [s.created, ...s.levelAt].map((t, level) => ({
      entity_ref: s.ref,
      day: dayOf(new Date(t)),
      level,
      score: Math.round((s.score * (level + 1)) / (s.levelAt.length + 1)),
    })),
  );
  await store.insertScores(scores);

  const byTeam = new Map<string, Simulated[]>();
  for (const s of sims) byTeam.set(s.team, [...(byTeam.get(s.team) ?? []), s]);
  let teamDays = 0;
  for (let d = DAYS - 1; d >= 1; d--) {
    const day = addDays(today, -d);
    const end = Date.parse(`${day}T23:59:59.999Z`);
    const rows: TeamDayRow[] = [];
    for (const [team, members] of byTeam) {
      const facts = members
        .filter(s => s.created <= end)
        .map(s => ({
          level: s.levelAt.filter(t => t <= end).length,
          score: s.score,
          lifecycle:
            s.reached && s.reached <= end ? 'production' : 'experimental',
          createdAt: iso(s.created),
          reachedProductionAt:
            s.reached && s.reached <= end ? iso(s.reached) : null,
          templateRef: null,
        }));
      if (facts.length) rows.push(teamDayRow(team, day, facts, 3));
    }
    await store.insertTeamDays(rows);
    teamDays += rows.length;
  }
  return {
    events: changes.reduce((n, c) => n + c.events.length, 0),
    scores: scores.length,
    teamDays,
  };
}

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

function catalogEntities(sims: Simulated[]): Entity[] {
  return sims.map(s => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: s.ref.split('/')[1],
      namespace: 'default',
      annotations: {
        'landingzone.ml/maturity-level': String(s.levelAt.length),
        'landingzone.ml/maturity-score': String(s.score),
        'landingzone.ml/created-at': iso(s.created),
        'backstage.io/source-template': 'template:default/ml-model',
      },
    },
    spec: {
      type: 'ml-model',
      lifecycle: s.reached ? 'production' : 'experimental',
      owner: s.team.split('/')[1],
    },
  }));
}

async function benchDatabase(
  name: string,
  knex: Knex,
  sims: Simulated[],
  size: () => Promise<number>,
) {
  await migrateDatabase(knex);
  const store = new HistoryStore(knex);
  let start = Date.now();
  const rows = await load(store, sims);
  const loadSeconds = (Date.now() - start) / 1000;
  start = Date.now();
  await refreshRollups({
    store,
    today,
    value: config.value,
    levelCount: 3,
    teamTitles: new Map(),
  });
  const rollupSeconds = (Date.now() - start) / 1000;
  const bytes = await size();

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
    megabytes: +(bytes / 1e6).toFixed(1),
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
  const sims = simulateYear();
  console.log(`simulated ${USE_CASES} use cases, ${TEAMS} teams, ${DAYS} days`);

  // Baseline: the same overview computed from the catalog on every request. The catalog is
  // a lower bound of the real one: pages of 500 copied out of memory (the copy stands in
  // for serialisation), no HTTP and no database. catalogServiceMock's in-memory client
  // re-filters the whole list for each page (quadratic), which would flatter our speed-up.
  const entities = catalogEntities(sims);
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
    sims,
    async () => fs.statSync(file).size,
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
    pgResult = await benchDatabase('postgres', pg, sims, async () =>
      Number(
        (
          await pg.raw('select pg_database_size(current_database()) as size')
        ).rows[0].size,
      ),
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
  if (process.env.BENCH_RESULTS_DIR) {
    fs.writeFileSync(
      path.join(process.env.BENCH_RESULTS_DIR, 'api.json'),
      JSON.stringify(summary, null, 2),
    );
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
