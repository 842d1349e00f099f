import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { group, mlComponent } from '../__testUtils__/entities';
import { readMlopsBackendConfig } from '../config';
import { fromTypeCode } from '../database/eventTypes';
import { HistoryStore } from '../database/HistoryStore';
import { migrateDatabase } from '../database/migrateDatabase';
import { runSnapshot } from './runSnapshot';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function setup(id: TestDatabaseId, configData: object = {}) {
  const knex = await databases.init(id);
  await migrateDatabase(knex);
  const store = new HistoryStore(knex);
  const config = readMlopsBackendConfig(new ConfigReader(configData));
  const snapshot = (
    entities: Entity[],
    now: string,
    afterBatch?: (i: number) => void,
  ) =>
    runSnapshot({
      catalog: catalogServiceMock({ entities }),
      credentials: mockCredentials.service(),
      store,
      config,
      logger: mockServices.logger.mock(),
      levelCount: 3,
      now: new Date(now),
      afterBatch,
    });
  const events = async (type?: string) =>
    (await knex('mlops_events').orderBy(['at', 'entity_id', 'type']))
      .map(event => ({ ...event, type: fromTypeCode(event.type) }))
      .filter(event => !type || event.type === type);
  return { knex, store, snapshot, events };
}

describe.each(databases.eachSupportedId())('runSnapshot on %p', id => {
  it('records first-seen, level, lifecycle and reached-production events once', async () => {
    const { store, snapshot, events } = await setup(id);
    await snapshot(
      [mlComponent('churn', { level: 0 })],
      '2026-03-01T10:00:00Z',
    );
    await snapshot(
      [mlComponent('churn', { level: 0 })],
      '2026-03-01T10:10:00Z',
    );
    expect((await events()).map(e => e.type)).toEqual(['first-seen']);

    await snapshot(
      [mlComponent('churn', { level: 1, lifecycle: 'production' })],
      '2026-03-05T10:00:00Z',
    );
    await snapshot(
      [mlComponent('churn', { level: 1, lifecycle: 'production' })],
      '2026-03-05T10:10:00Z',
    );
    expect((await events()).map(e => e.type)).toEqual([
      'first-seen',
      'level-changed',
      'lifecycle-changed',
      'reached-production',
    ]);

    const row = await store.getEntity('component:default/churn');
    expect(row?.created_at).toBe('2026-03-01T10:00:00.000Z');
    expect(row?.reached_production_at).toBe('2026-03-05T10:00:00.000Z');

    // Going back to experimental and to production again is not a second "reached".
    await snapshot(
      [mlComponent('churn', { level: 1 })],
      '2026-03-06T10:00:00Z',
    );
    await snapshot(
      [mlComponent('churn', { level: 1, lifecycle: 'production' })],
      '2026-03-07T10:00:00Z',
    );
    expect(await events('reached-production')).toHaveLength(1);
    expect(await store.listScores('component:default/churn')).toEqual([
      expect.objectContaining({ day: '2026-03-01', level: 0 }),
      expect.objectContaining({ day: '2026-03-05', level: 1 }),
    ]);
  });

  it('computes throughput and lead time from created to production', async () => {
    const { store, snapshot } = await setup(id);
    const created = '2026-02-01T00:00:00.000Z';
    await snapshot(
      [
        group('fraud', 'Fraud'),
        mlComponent('a', { createdAt: created }),
        mlComponent('b'),
      ],
      '2026-02-11T00:00:00Z',
    );
    await snapshot(
      [
        group('fraud', 'Fraud'),
        mlComponent('a', { createdAt: created, lifecycle: 'production' }),
        mlComponent('b'),
      ],
      '2026-02-21T00:00:00Z',
    );
    const [row] = await store.readTeamWindows(
      30,
      'week',
      'group:default/fraud',
    );
    const team = row.summary;
    expect(team).toMatchObject({
      title: 'Fraud',
      useCases: 2,
      inProduction: 1,
      throughput: 1,
      flowLoad: 1,
      leadTime: { medianDays: 20, p85Days: 20, count: 1 },
    });
    expect(team.trend.at(-1)).toMatchObject({
      period: '2026-02-15',
      throughput: 1,
    });
  });

  it('stops counting entities deleted from the catalog', async () => {
    const { store, snapshot, events } = await setup(id);
    await snapshot(
      [mlComponent('a'), mlComponent('b')],
      '2026-03-01T00:00:00Z',
    );
    await snapshot([mlComponent('a')], '2026-03-02T00:00:00Z');
    await snapshot([mlComponent('a')], '2026-03-02T00:10:00Z');
    expect(await events('removed')).toHaveLength(1);
    const [org] = await store.readTeamWindows(90, 'week', '*');
    expect(org.summary.useCases).toBe(1);
    expect(
      (await store.listTeamUseCases('group:default/fraud')).map(
        useCase => useCase.entityRef,
      ),
    ).toEqual(['component:default/a']);
  });

  it('loses and duplicates nothing when killed in the middle and run again', async () => {
    const { knex, snapshot, events } = await setup(id);
    const entities = Array.from({ length: 1200 }, (_, i) =>
      mlComponent(`uc-${i}`, {
        owner: `team-${i % 7}`,
        lifecycle: i % 3 ? 'experimental' : 'production',
      }),
    );
    await expect(
      snapshot(entities, '2026-03-01T00:00:00Z', i => {
        if (i === 1) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await knex('mlops_entities').count({ n: '*' })).toEqual([
      { n: expect.anything() },
    ]);
    const partial = Number(
      (await knex('mlops_entities').count({ n: '*' }))[0].n,
    );
    expect(partial).toBe(1000);

    await snapshot(entities, '2026-03-01T00:05:00Z');
    expect(await events('first-seen')).toHaveLength(1200);
    expect(await events('reached-production')).toHaveLength(400);
    expect(
      await knex('mlops_team_windows').where({ team_ref: '*' }),
    ).toHaveLength(6);
    const [org] = await knex('mlops_team_windows').where({
      team_ref: '*',
      window_days: 30,
      period: 'week',
    });
    expect(JSON.parse(org.summary).useCases).toBe(1200);
  });

  it('enforces retention', async () => {
    const { store, snapshot, events } = await setup(id, {
      mlops: { history: { retentionDays: 10 } },
    });
    await snapshot([mlComponent('a', { level: 0 })], '2026-03-01T00:00:00Z');
    await snapshot([mlComponent('a', { level: 1 })], '2026-03-20T00:00:00Z');
    expect((await events()).map(e => e.type)).toEqual(['level-changed']);
    expect(
      (await store.listTeamDays('2026-01-01')).map(d => d.day).sort(),
    ).toEqual(['2026-03-20', '2026-03-20']);
  });

  it('seeds nothing by itself: demo history comes only from the dev module', async () => {
    const { store, snapshot } = await setup(id);
    await snapshot([mlComponent('a', { level: 2 })], '2026-03-01T00:00:00Z');
    expect(await store.getMeta('demo.seeded')).toBeUndefined();
  });
});
