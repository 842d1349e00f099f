import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Fact } from '@landing-zone/plugin-mlops-common';
import { migrateDatabase } from '../../database/migrateDatabase';
import { readFactsConfig } from '../config/readFactsConfig';
import { FactStore } from '../FactStore';
import { useCase } from '../__testUtils__/entities';
import { runFactRetention } from './runFactRetention';
import { ConfigReader } from '@backstage/config';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const DAY = 86_400_000;
const now = new Date('2026-12-01T00:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY).toISOString();

const drift = (entity: string, day: number, breached = false): Fact => ({
  entityRef: `component:default/${entity}`,
  type: 'drift-check',
  source: 'pipeline',
  id: `${entity}-drift-${day}`,
  observedAt: daysAgo(day),
  data: { features: { age: 0.1 }, threshold: 0.2, breached },
});

const deployment = (entity: string, day: number): Fact => ({
  entityRef: `component:default/${entity}`,
  type: 'deployment',
  source: 'argo',
  id: `${entity}-deploy-${day}`,
  observedAt: daysAgo(day),
  data: { environment: 'production', version: String(day) },
});

async function setUp(
  id: TestDatabaseId,
  retention: object = { detailDays: 30, thinningBucketDays: 30 },
) {
  const knex = await databases.init(id);
  await migrateDatabase(knex);
  const store = new FactStore(knex);
  const config = readFactsConfig(
    new ConfigReader({ mlops: { facts: { retention } } }),
  );
  return { knex, store, config: config.retention };
}

describe.each(databases.eachSupportedId())('fact retention on %p', id => {
  it('expires old history, thins routine facts, keeps latest and notable ones', async () => {
    const { knex, store, config } = await setUp(id);
    // A daily drift check for 500 days (one breached), deployments every 100 days, and an
    // entity whose only drift check is older than the retention period.
    const facts: Fact[] = [];
    for (let day = 0; day < 500; day++)
      facts.push(drift('churn', day, day === 200));
    for (let day = 50; day < 500; day += 100)
      facts.push(deployment('churn', day));
    facts.push(drift('quiet', 450));
    await store.upsertFactsInBatches(facts);

    const result = await runFactRetention({
      db: knex,
      config,
      logger: mockServices.logger.mock(),
      now,
    });
    expect(result.removedEntities).toBe(0);

    const timeline = await store.listFacts('component:default/churn', {
      limit: 1000,
    });
    const drifts = timeline.filter(f => f.type === 'drift-check');
    const age = (f: Fact) =>
      Math.round((now.getTime() - Date.parse(f.observedAt)) / DAY);
    // Every day of the detail window.
    expect(drifts.filter(f => age(f) < 30)).toHaveLength(30);
    // Past it: one per 30-day bucket (a partial bucket at each end), plus the breached one.
    const older = drifts.filter(f => age(f) >= 30);
    expect(older.length).toBeGreaterThanOrEqual(13);
    expect(older.length).toBeLessThanOrEqual(16);
    expect(older.some(f => age(f) === 200 && (f.data as any).breached)).toBe(
      true,
    );
    // Nothing beyond 400 days, and deployments (events) are never thinned.
    expect(Math.max(...timeline.map(age))).toBeLessThan(400);
    expect(timeline.filter(f => f.type === 'deployment').map(age)).toEqual([
      50, 150, 250, 350,
    ]);
    // The latest fact survives retention while the entity exists.
    expect(
      (await store.latestFacts(['component:default/quiet'])).get(
        'component:default/quiet',
      ),
    ).toEqual([expect.objectContaining({ id: 'quiet-drift-450' })]);

    // Running again changes nothing.
    const again = await runFactRetention({
      db: knex,
      config,
      logger: mockServices.logger.mock(),
      now,
    });
    expect(again).toEqual({ removedEntities: 0, expired: 0, thinned: 0 });
  });

  it('keeps no routine facts past the detail window by default, only notable ones', async () => {
    const { knex, store, config } = await setUp(id, {});
    expect(config).toMatchObject({
      days: { 'drift-check': 400 },
      detailDays: 7,
      thinningBucketDays: 0,
    });
    const facts: Fact[] = [];
    for (let day = 0; day < 60; day++)
      facts.push(drift('churn', day, day === 40));
    await store.upsertFactsInBatches(facts);
    await runFactRetention({
      db: knex,
      config,
      logger: mockServices.logger.mock(),
      now,
    });
    const ages = (
      await store.listFacts('component:default/churn', { limit: 1000 })
    ).map(f => Math.round((now.getTime() - Date.parse(f.observedAt)) / DAY));
    expect(ages).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 40]);
  });

  it('drops the facts of an entity missing from the catalog for a week', async () => {
    const { knex, store, config } = await setUp(id);
    await store.upsertFacts([drift('churn', 1), drift('gone', 1)]);
    const catalog = catalogServiceMock({ entities: [useCase('churn')] });
    const run = (at: Date) =>
      runFactRetention({
        db: knex,
        config,
        catalog,
        credentials: mockCredentials.service(),
        logger: mockServices.logger.mock(),
        now: at,
      });
    // Missing for a day: kept (the catalog may still be ingesting).
    expect((await run(now)).removedEntities).toBe(0);
    expect(await store.listFacts('component:default/gone')).toHaveLength(1);
    expect((await run(new Date(now.getTime() + 8 * DAY))).removedEntities).toBe(
      1,
    );
    expect(await store.listFacts('component:default/gone')).toEqual([]);
    expect((await store.latestFacts()).has('component:default/gone')).toBe(
      false,
    );
    expect(await store.listFacts('component:default/churn')).toHaveLength(1);
  });
});
