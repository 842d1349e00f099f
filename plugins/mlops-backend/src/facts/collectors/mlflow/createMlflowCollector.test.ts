import {
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { Fact } from '@landing-zone/plugin-mlops-common';
import { migrateDatabase } from '../../../database/migrateDatabase';
import { FactStore } from '../../FactStore';
import { useCase } from '../../__testUtils__/entities';
import { mlflowApi, startMlflowServer } from '../../__testUtils__/mlflowServer';
import { runCollector } from '../runCollector';
import { createMlflowCollector } from './createMlflowCollector';

jest.setTimeout(20 * 60_000);

// PostgreSQL is skipped when its server is not configured; CI requires it (LZ_REQUIRE_POSTGRES,
// packages/backend/src/postgres.test.ts), so there these tests run on both.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

let server: Awaited<ReturnType<typeof startMlflowServer>>;
let experimentId: string;
let runIds: string[];

beforeAll(async () => {
  server = await startMlflowServer();
  if (!server) return;
  const api = mlflowApi(server.url);
  ({ experiment_id: experimentId } = await api('POST', 'experiments/create', {
    name: 'churn-training',
  }));
  runIds = [];
  for (const [i, auc] of [0.81, 0.87].entries()) {
    const { run } = await api('POST', 'runs/create', {
      experiment_id: experimentId,
      start_time: Date.parse('2026-11-20T10:00:00Z') + i * 3_600_000,
    });
    const runId = run.info.run_id;
    runIds.push(runId);
    await api('POST', 'runs/log-batch', {
      run_id: runId,
      metrics: [{ key: 'auc', value: auc, timestamp: Date.now(), step: 0 }],
      params: [{ key: 'max_depth', value: String(4 + i) }],
    });
    await api('POST', 'runs/update', {
      run_id: runId,
      status: 'FINISHED',
      end_time: Date.parse('2026-11-20T10:30:00Z') + i * 3_600_000,
    });
  }
  // A run still in progress is not a tracked training run yet.
  await api('POST', 'runs/create', {
    experiment_id: experimentId,
    start_time: Date.now(),
  });

  await api('POST', 'registered-models/create', { name: 'churn' });
  for (const runId of runIds) {
    await api('POST', 'model-versions/create', {
      name: 'churn',
      source: `runs:/${runId}/model`,
      run_id: runId,
    });
  }
  await api('POST', 'registered-models/alias', {
    name: 'churn',
    alias: 'champion',
    version: '2',
  });
  await api('POST', 'registered-models/alias', {
    name: 'churn',
    alias: 'previous',
    version: '1',
  });
});

afterAll(async () => {
  await server?.stop();
});

async function setUp(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  await migrateDatabase(knex);
  const store = new FactStore(knex);
  const logger = mockServices.logger.mock();
  const collect = (baseUrl = server!.url) =>
    runCollector({
      collector: createMlflowCollector({ baseUrl, maxRuns: 20 }),
      entities: [
        useCase('churn', { 'mlflow.org/experiment': 'churn-training' }),
        useCase('churn-by-id', {
          'mlflow.org/experiment': experimentId,
          'mlflow.org/registered-model': 'none-such',
        }),
        useCase('scoring', {
          'mlflow.org/experiment-name': 'scoring-training',
        }),
        useCase('no-mlflow'),
      ],
      store,
      logger,
      signal: new AbortController().signal,
    });
  return { store, logger, collect };
}

const byType = (facts: Fact[] | undefined, type: string) =>
  (facts ?? []).filter(f => f.type === type);

describe.each(databases.eachSupportedId())(
  'MLflow collector against a real mlflow server, facts on %p',
  databaseId => {
    it('observes finished runs, registered versions and their aliases', async () => {
      if (!server) return;
      const { store, collect } = await setUp(databaseId);
      const result = await collect();
      expect(result.ok).toBe(true);

      const latest = await store.latestFacts();
      const churn = latest.get('component:default/churn');
      const runs = await store.listFacts('component:default/churn', {
        types: ['training-run'],
      });
      expect(runs.map(f => f.id)).toEqual([runIds[1], runIds[0]]);
      expect(runs[0]).toMatchObject({
        source: 'mlflow',
        observedAt: '2026-11-20T11:30:00.000Z',
        data: {
          runId: runIds[1],
          experiment: 'churn-training',
          metrics: { auc: 0.87 },
          params: { max_depth: '5' },
        },
      });
      const versions = byType(churn, 'model-version').sort((a, b) =>
        a.id.localeCompare(b.id),
      );
      expect(
        versions.map(v => [
          v.id,
          (v.data as any).aliases,
          (v.data as any).runId,
        ]),
      ).toEqual([
        ['churn/1', ['previous'], runIds[0]],
        ['churn/2', ['champion'], runIds[1]],
      ]);

      // The same experiment by id: its runs and versions belong to the first use case that
      // named them, since (source, id) names one fact.
      const byId = latest.get('component:default/churn-by-id');
      expect(byType(byId, 'training-run')).toEqual([]);
      expect(byType(byId, 'model-version')).toEqual([]);

      // An experiment MLflow does not have: a `found: false` fact, read as "contradicted".
      const scoring = latest.get('component:default/scoring');
      expect(byType(scoring, 'training-run')).toEqual([
        expect.objectContaining({
          data: { found: false, experiment: 'scoring-training' },
        }),
      ]);
      expect(latest.has('component:default/no-mlflow')).toBe(false);

      // Collecting again changes nothing.
      const again = await collect();
      expect(again.stored).toMatchObject({ accepted: 0 });
      expect(again.stored!.updated).toBeLessThanOrEqual(1); // only the not-found fact's time

      // The champion alias moves back to version 1: the card sees it on the next run.
      await mlflowApi(server.url)('POST', 'registered-models/alias', {
        name: 'churn',
        alias: 'champion',
        version: '1',
      });
      await collect();
      const moved = byType(
        (await store.latestFacts(['component:default/churn'])).get(
          'component:default/churn',
        ),
        'model-version',
      );
      const holder = moved.find(v =>
        (v.data as any).aliases.includes('champion'),
      );
      expect(holder?.id).toBe('churn/1');
      // The server is shared by the runs on each database: put the alias back.
      await mlflowApi(server.url)('POST', 'registered-models/alias', {
        name: 'churn',
        alias: 'champion',
        version: '2',
      });
    });

    it('changes nothing stored when MLflow is down, and records since when', async () => {
      if (!server) return;
      const { store, logger, collect } = await setUp(databaseId);
      expect((await collect()).ok).toBe(true);
      const before = await store.latestFacts();

      // A port nothing listens on: connection refused.
      const down = await collect('http://127.0.0.1:9');
      expect(down.ok).toBe(false);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0][0]).toMatch(
        /^mlops: fact collector mlflow failed, its stored facts are unchanged/,
      );
      expect(await store.latestFacts()).toEqual(before);
      const [status] = await store.sourceStatuses(['mlflow']);
      expect(status.failingSince).toEqual(status.lastFailureAt);
      expect(status.lastError).toEqual(expect.any(String));
      expect(Date.parse(status.lastSuccessAt!)).toBeLessThanOrEqual(
        Date.parse(status.failingSince!),
      );

      // Back up: the failure clears.
      expect((await collect()).ok).toBe(true);
      expect(
        (await store.sourceStatuses(['mlflow']))[0].failingSince,
      ).toBeUndefined();
    });
  },
);

describe.each(databases.eachSupportedId())(
  'MLflow collector against a source answering garbage, facts on %p',
  databaseId => {
    it('fails the run without storing anything', async () => {
      const garbage = http.createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>proxy login</html>');
      });
      await new Promise<void>(resolve =>
        garbage.listen(0, '127.0.0.1', resolve),
      );
      try {
        const { port } = garbage.address() as AddressInfo;
        const knex = await databases.init(databaseId);
        await migrateDatabase(knex);
        const store = new FactStore(knex);
        const logger = mockServices.logger.mock();
        const result = await runCollector({
          collector: createMlflowCollector({
            baseUrl: `http://127.0.0.1:${port}`,
            maxRuns: 5,
          }),
          entities: [
            useCase('churn', { 'mlflow.org/experiment': 'churn-training' }),
          ],
          store,
          logger,
          signal: new AbortController().signal,
        });
        expect(result).toMatchObject({ ok: false, facts: 0 });
        expect(result.error).toMatch(/not JSON/);
        expect(logger.warn).toHaveBeenCalledTimes(1);
        expect((await store.latestFacts()).size).toBe(0);
        expect(
          (await store.sourceStatuses(['mlflow']))[0].failingSince,
        ).toEqual(expect.any(String));
      } finally {
        garbage.close();
      }
    });
  },
);
