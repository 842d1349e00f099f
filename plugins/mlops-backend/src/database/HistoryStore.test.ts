import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { HistoryStore } from './HistoryStore';
import { migrateDatabase } from './migrateDatabase';
import { EntityRow } from './rows';
import { emptyTeamWindowSummary } from '../service/summarize';

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
    production_evidence: null,
    removed_at: null,
    demo: false,
    observed_checks: null,
    observable_checks: null,
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
      createdAt: '2026-02-01T10:00:00.000Z',
      outcome: 'succeeded' as const,
    };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => store.recordCreated(input)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await knex('mlops_runs')).toHaveLength(1);
  });

  it('keeps the created event time when a snapshot rewrites the row', async () => {
    const { store } = await createStore(id);
    await store.applyChanges([{ row: entityRow(), events: [] }]);
    await store.recordCreated({
      taskId: 'task-2',
      entityRef: 'component:default/churn',
      templateRef: null,
      createdAt: '2025-12-24T08:00:00.000Z',
      outcome: 'succeeded',
    });
    await store.applyChanges([
      {
        row: entityRow({ level: 2 }),
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
      createdAt: '2025-11-30T00:00:00.000Z',
      outcome: 'succeeded',
    });
    await store.applyChanges([{ row: entityRow(), events: [] }]);
    await store.reconcileCreatedAt();
    expect((await store.getEntity('component:default/churn'))?.created_at).toBe(
      '2025-11-30T00:00:00.000Z',
    );
  });

  it('lists runs and events oldest first, a run ahead of an event at the same instant', async () => {
    const { store } = await createStore(id);
    const at = '2026-01-01T00:00:00.000Z';
    await store.applyChanges([
      {
        row: entityRow(),
        events: [
          { entity_ref: 'component:default/churn', type: 'first-seen', at },
          {
            entity_ref: 'component:default/churn',
            type: 'level-changed',
            at: '2026-01-03T12:30:00.125Z',
            from_level: 0,
            to_level: 1,
          },
        ],
        score: {
          entity_ref: 'component:default/churn',
          day: '2026-01-03',
          level: 1,
          score: 40,
        },
      },
    ]);
    await store.recordCreated({
      taskId: 'task-4',
      entityRef: 'component:default/churn',
      templateRef: null,
      createdAt: at,
      outcome: 'succeeded',
    });
    expect(await store.listEvents('component:default/churn')).toEqual([
      { type: 'created', at },
      expect.objectContaining({ type: 'first-seen', at }),
      expect.objectContaining({
        type: 'level-changed',
        at: '2026-01-03T12:30:00.125Z',
        fromLevel: 0,
        toLevel: 1,
      }),
    ]);
    expect(await store.listScores('component:default/churn')).toEqual([
      { day: '2026-01-03', level: 1, score: 40 },
    ]);
    expect(await store.getEntity('component:default/churn')).toEqual(
      entityRow({ created_at: at }),
    );
  });

  it('records first-seen and reached-production once per entity', async () => {
    const { store } = await createStore(id);
    const snapshotAt = (at: string) => ({
      row: entityRow(),
      events: (
        ['first-seen', 'level-changed', 'reached-production'] as const
      ).map(type => ({ entity_ref: 'component:default/churn', type, at })),
    });
    await store.applyChanges([snapshotAt('2026-01-01T00:00:00.000Z')]);
    // The same snapshot again (a retry) and a later one that wrongly repeats them.
    await store.applyChanges([snapshotAt('2026-01-01T00:00:00.000Z')]);
    await store.applyChanges([snapshotAt('2026-01-02T00:00:00.000Z')]);
    expect(
      (await store.listEvents('component:default/churn')).map(e => e.type),
    ).toEqual([
      'first-seen',
      'level-changed',
      'reached-production',
      'level-changed',
    ]);
  });

  it('keeps exactly the last set of summaries written', async () => {
    const { store } = await createStore(id);
    const window = (teamRef: string, useCases: number) => ({
      teamRef,
      window: 30,
      period: 'week',
      summary: { ...emptyTeamWindowSummary(teamRef, 3, 'USD'), useCases },
    });
    await store.replaceTeamWindows([
      window('group:default/a', 1),
      window('group:default/b', 1),
    ]);
    await store.replaceTeamWindows([
      window('group:default/b', 2),
      window('group:default/c', 1),
    ]);
    expect(await store.readTeamWindows(30, 'week')).toEqual([
      window('group:default/b', 2),
      window('group:default/c', 1),
    ]);
  });

  it('deletes history older than the retention cutoff and keeps the rest', async () => {
    const { knex, store } = await createStore(id);
    await store.applyChanges([
      {
        row: entityRow({
          entity_ref: 'component:default/old',
          team_ref: 'group:default/gone',
          removed_at: '2024-01-01T00:00:00.000Z',
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
    await store.recordCreated({
      taskId: 'task-old',
      entityRef: 'component:default/old',
      templateRef: null,
      createdAt: '2023-12-01T00:00:00.000Z',
      outcome: 'succeeded',
    });
    const deleted = await store.enforceRetention('2025-01-01');
    expect(deleted).toEqual({
      events: 1,
      runs: 1,
      scores: 1,
      teamDays: 0,
      entities: 1,
      teams: 1,
    });
    expect(await knex('mlops_entities').pluck('entity_ref')).toEqual([
      'component:default/churn',
    ]);
    expect(await knex('mlops_events')).toHaveLength(1);
    expect(await knex('mlops_teams').pluck('team_ref')).toEqual([
      'group:default/fraud',
    ]);
  });
});
