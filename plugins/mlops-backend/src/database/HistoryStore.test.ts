import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { HistoryStore } from './HistoryStore';
import { migrateDatabase } from './migrateDatabase';
import { EntityRow } from './rows';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function createStore(id: TestDatabaseId) {
  const knex = await databases.init(id);
  await migrateDatabase(knex);
  return { knex, store: new HistoryStore(knex) };
}

function entityRow(overrides: Partial<EntityRow> = {}): EntityRow {
  return {
    entity_ref: 'component:default/churn',
    team_ref: 'group:default/fraud',
    title: 'churn',
    type: 'ml-model',
    lifecycle: 'experimental',
    level: 1,
    score: 40,
    failing_checks: 'cd',
    template_ref: 'template:default/ml-model',
    created_at: '2026-01-01T00:00:00.000Z',
    reached_production_at: null,
    first_seen_at: '2026-01-01T00:00:00.000Z',
    last_seen_at: '2026-01-01T00:00:00.000Z',
    deleted: false,
    demo: false,
    ...overrides,
  };
}

describe.each(databases.eachSupportedId())('HistoryStore on %p', id => {
  it('records one created event for concurrent calls with one task id', async () => {
    const { knex, store } = await createStore(id);
    const input = {
      taskId: 'task-1',
      entityRef: 'component:default/churn',
      templateRef: 'template:default/ml-model',
      teamRef: 'group:default/fraud',
      createdAt: '2026-02-01T10:00:00.000Z',
      outcome: 'succeeded' as const,
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.recordCreated(input)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await knex('mlops_events').where({ type: 'created' })).toHaveLength(
      1,
    );
  });

  it('keeps the created event time when a snapshot rewrites the row', async () => {
    const { store } = await createStore(id);
    await store.applyChanges([{ row: entityRow(), events: [] }]);
    await store.recordCreated({
      taskId: 'task-2',
      entityRef: 'component:default/churn',
      templateRef: null,
      teamRef: null,
      createdAt: '2025-12-24T08:00:00.000Z',
      outcome: 'succeeded',
    });
    await store.applyChanges([
      {
        row: entityRow({ level: 2, last_seen_at: '2026-01-02T00:00:00.000Z' }),
        events: [],
      },
    ]);
    const row = await store.getEntity('component:default/churn');
    expect(row?.level).toBe(2);
    expect(row?.created_at).toBe('2025-12-24T08:00:00.000Z');
  });

  it('reconciles created_at with a created event recorded before the first row', async () => {
    const { store } = await createStore(id);
    await store.recordCreated({
      taskId: 'task-3',
      entityRef: 'component:default/churn',
      templateRef: null,
      teamRef: null,
      createdAt: '2025-11-30T00:00:00.000Z',
      outcome: 'succeeded',
    });
    await store.applyChanges([{ row: entityRow(), events: [] }]);
    await store.reconcileCreatedAt();
    expect((await store.getEntity('component:default/churn'))?.created_at).toBe(
      '2025-11-30T00:00:00.000Z',
    );
  });

  it('ignores a second once-only event with the same dedupe key', async () => {
    const { knex, store } = await createStore(id);
    const event = {
      entity_ref: 'component:default/churn',
      type: 'first-seen' as const,
      at: '2026-01-01T00:00:00.000Z',
      dedupe_key: 'first-seen:component:default/churn',
    };
    await store.applyChanges([{ row: entityRow(), events: [event] }]);
    await store.applyChanges([{ row: entityRow(), events: [event] }]);
    expect(await knex('mlops_events')).toHaveLength(1);
  });

  it('deletes history older than the retention cutoff and keeps the rest', async () => {
    const { knex, store } = await createStore(id);
    await store.applyChanges([
      {
        row: entityRow({
          entity_ref: 'component:default/old',
          deleted: true,
          last_seen_at: '2024-01-01T00:00:00.000Z',
        }),
        events: [
          {
            entity_ref: 'component:default/old',
            type: 'removed',
            at: '2024-01-01T00:00:00.000Z',
          },
        ],
        score: {
          entity_ref: 'component:default/old',
          day: '2024-01-01',
          level: 0,
          score: 0,
        },
      },
      {
        row: entityRow(),
        events: [
          {
            entity_ref: 'component:default/churn',
            type: 'level-changed',
            at: '2026-01-01T00:00:00.000Z',
          },
        ],
        score: {
          entity_ref: 'component:default/churn',
          day: '2026-01-01',
          level: 1,
          score: 40,
        },
      },
    ]);
    const deleted = await store.enforceRetention('2025-01-01');
    expect(deleted).toEqual({ events: 1, scores: 1, teamDays: 0, entities: 1 });
    expect(await knex('mlops_entities').pluck('entity_ref')).toEqual([
      'component:default/churn',
    ]);
    expect(await knex('mlops_events')).toHaveLength(1);
  });
});
