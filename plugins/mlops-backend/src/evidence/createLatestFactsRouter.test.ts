import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Fact } from '@landing-zone/plugin-mlops-common';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import request from 'supertest';
import { migrateDatabase } from '../database/migrateDatabase';
import { FactStore } from '../facts/FactStore';
import { runFactRetention } from '../facts/retention/runFactRetention';
import { readFactsConfig } from '../facts/config/readFactsConfig';
import { ConfigReader } from '@backstage/config';
import {
  createLatestFactsRouter,
  CURSOR_OVERLAP_MS,
} from './createLatestFactsRouter';

const fact = (entityRef: string, id: string) => ({
  entityRef,
  type: 'training-run',
  source: 'mlflow',
  id,
  observedAt: '2026-12-01T10:00:00.000Z',
  data: { runId: id },
});

function app() {
  const facts = {
    latestFacts: jest.fn(
      async () =>
        new Map([
          ['component:default/a', [fact('component:default/a', 'r1')]],
          ['component:default/b', [fact('component:default/b', 'r2')]],
        ]),
    ),
    latestFactsChangedSince: jest.fn(async () => new Map()),
    latestRemovedAt: jest.fn(async () => undefined),
  };
  const server = express();
  server.use(
    createLatestFactsRouter({ facts, httpAuth: mockServices.httpAuth() }),
  );
  server.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { server, facts };
}

describe('GET /facts/latest', () => {
  it("gives a service every entity's latest facts in one answer", async () => {
    const { server, facts } = app();
    const response = await request(server)
      .get('/facts/latest')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
    expect(response.body.facts.map((f: { id: string }) => f.id)).toEqual([
      'r1',
      'r2',
    ]);
    expect(facts.latestFacts).toHaveBeenCalledWith();
  });

  it('refuses a cursor it did not give', async () => {
    const { server, facts } = app();
    const response = await request(server)
      .get('/facts/latest?since=yesterday')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(400);
    expect(facts.latestFacts).not.toHaveBeenCalled();
  });

  it('refuses users and anonymous callers', async () => {
    const { server, facts } = app();
    const asUser = await request(server)
      .get('/facts/latest')
      .set('Authorization', mockCredentials.user.header());
    expect(asUser.status).toBe(403);
    // No credentials at all count as an unauthenticated principal, which is no service either.
    expect((await request(server).get('/facts/latest')).status).toBe(403);
    expect(facts.latestFacts).not.toHaveBeenCalled();
  });
});

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'GET /facts/latest?since= on %p',
  id => {
    jest.setTimeout(60_000);
    // A clock of the test's own, shared by store and router; retention stamps removals with
    // the real one, which is later.
    const T0 = Date.parse('2020-01-01T00:00:00.000Z');
    let clock = T0;
    const now = () => clock;
    const run = (entity: string, runId: string, day: number): Fact => ({
      entityRef: `component:default/${entity}`,
      type: 'training-run',
      source: 'mlflow',
      id: runId,
      observedAt: new Date(T0 + day * 86_400_000).toISOString(),
      data: { runId, metrics: { auc: 0.9 } },
    });

    async function setUp() {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      const store = new FactStore(knex, { now });
      const server = express();
      server.use(
        createLatestFactsRouter({
          facts: store,
          httpAuth: mockServices.httpAuth(),
          now,
        }),
      );
      server.use(
        MiddlewareFactory.create({
          config: mockServices.rootConfig(),
          logger: mockServices.logger.mock(),
        }).error(),
      );
      const get = async (since?: string) => {
        const response = await request(server)
          .get('/facts/latest')
          .query(since === undefined ? {} : { since })
          .set('Authorization', mockCredentials.service.header());
        expect(response.status).toBe(200);
        return response.body as {
          facts: Fact[];
          cursor: string;
          complete: boolean;
        };
      };
      return { knex, store, get };
    }

    const idsOf = (body: { facts: Fact[] }) =>
      body.facts.map(f => `${f.entityRef.split('/')[1]}:${f.id}`).sort();

    it('answers everything first, then only the entities written since the cursor', async () => {
      clock = T0;
      const { store, get } = await setUp();
      await store.upsertFacts([run('a', 'a1', 0), run('b', 'b1', 0)]);

      clock = T0 + 60 * 60_000;
      const first = await get();
      expect(first.complete).toBe(true);
      expect(idsOf(first)).toEqual(['a:a1', 'b:b1']);

      // Later than the overlap: only b was written since.
      clock += CURSOR_OVERLAP_MS + 60_000;
      await store.upsertFacts([run('b', 'b2', 1)]);
      // A repeated push changes nothing, so it leaves no change behind.
      await store.upsertFacts([run('a', 'a1', 0)]);
      clock += 1000;
      const second = await get(first.cursor);
      expect(second.complete).toBe(false);
      expect(idsOf(second)).toEqual(['b:b2']);

      // Nothing written since: an empty change list (b still in the overlap, then not).
      clock += CURSOR_OVERLAP_MS + 60_000;
      const third = await get(second.cursor);
      expect(third).toMatchObject({ complete: false });
      expect(idsOf(third)).toEqual(['b:b2']);
      clock += CURSOR_OVERLAP_MS + 60_000;
      expect(idsOf(await get(third.cursor))).toEqual([]);
    });

    it('includes a write that committed just after the cursor was taken', async () => {
      clock = T0;
      const { store, get } = await setUp();
      await store.upsertFacts([run('a', 'a1', 0)]);
      clock = T0 + 60 * 60_000;
      const first = await get();
      // Stamped a little before the cursor (a push that was still committing).
      clock -= 1000;
      await store.upsertFacts([run('c', 'c1', 0)]);
      clock += 60_000;
      expect(idsOf(await get(first.cursor))).toEqual(['c:c1']);
    });

    it('answers everything again after retention removed an entity', async () => {
      clock = T0;
      const { knex, store, get } = await setUp();
      await store.upsertFacts([run('kept', 'k1', 0), run('gone', 'g1', 0)]);
      clock = T0 + 60 * 60_000;
      const first = await get();
      const catalog = catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'kept', namespace: 'default' },
            spec: {},
          },
        ],
      });
      const retention = (at: number) =>
        runFactRetention({
          db: knex,
          config: readFactsConfig(new ConfigReader({})).retention,
          catalog,
          credentials: mockCredentials.service(),
          logger: mockServices.logger.mock(),
          now: new Date(at),
        });
      await retention(T0 + 86_400_000);
      await retention(T0 + 10 * 86_400_000);
      clock += 60_000;
      const after = await get(first.cursor);
      expect(after.complete).toBe(true);
      expect(idsOf(after)).toEqual(['kept:k1']);
    });
  },
);
