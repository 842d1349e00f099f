import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Fact } from '@landing-zone/plugin-mlops-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { FactStore } from './FactStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function createStore(id: TestDatabaseId) {
  const knex = await databases.init(id);
  await migrateDatabase(knex);
  return { knex, store: new FactStore(knex) };
}

const churn = 'component:default/churn';

function run(id: string, observedAt: string, auc = 0.9): Fact {
  return {
    entityRef: churn,
    type: 'training-run',
    source: 'mlflow',
    id,
    observedAt,
    data: { runId: id, metrics: { auc } },
  };
}

function version(v: string, aliases: string[], observedAt: string): Fact {
  return {
    entityRef: churn,
    type: 'model-version',
    source: 'mlflow',
    id: `churn/${v}`,
    observedAt,
    data: { registry: 'mlflow', model: 'churn', version: v, aliases },
  };
}

function deployment(environment: string, v: string, observedAt: string): Fact {
  return {
    entityRef: churn,
    type: 'deployment',
    source: 'argo',
    id: `${environment}-${v}`,
    observedAt,
    data: { environment, version: v },
  };
}

describe.each(databases.eachSupportedId())('FactStore on %p', id => {
  it('is idempotent on (source, id): new, unchanged, updated', async () => {
    const { store } = await createStore(id);
    const first = run('r1', '2026-11-01T00:00:00.000Z');
    expect(await store.upsertFacts([first])).toEqual({
      accepted: 1,
      updated: 0,
      unchanged: 0,
    });
    // Same content with another key order is the same fact.
    const reordered = {
      ...first,
      data: { metrics: { auc: 0.9 }, runId: 'r1' },
    } as Fact;
    expect(
      await store.upsertFacts([
        reordered,
        run('r2', '2026-11-02T00:00:00.000Z'),
      ]),
    ).toEqual({
      accepted: 1,
      updated: 0,
      unchanged: 1,
    });
    expect(
      await store.upsertFacts([run('r1', '2026-11-01T00:00:00.000Z', 0.95)]),
    ).toEqual({
      accepted: 0,
      updated: 1,
      unchanged: 0,
    });
    const timeline = await store.listFacts(churn);
    expect(timeline.map(f => [f.id, (f.data as any).metrics.auc])).toEqual([
      ['r2', 0.9],
      ['r1', 0.95],
    ]);
  });

  it('keeps the latest fact per type, per environment and per alias', async () => {
    const { store } = await createStore(id);
    await store.upsertFacts([
      run('r1', '2026-11-01T00:00:00.000Z'),
      run('r3', '2026-11-03T00:00:00.000Z'),
      version('1', ['champion'], '2026-11-01T00:00:00.000Z'),
      version('2', ['challenger'], '2026-11-05T00:00:00.000Z'),
      deployment('production', '1', '2026-11-02T00:00:00.000Z'),
      deployment('staging', '2', '2026-11-06T00:00:00.000Z'),
    ]);
    // An older fact arriving late does not displace the newer one.
    await store.upsertFacts([run('r2', '2026-11-02T00:00:00.000Z')]);

    const latest = (await store.latestFacts([churn.toUpperCase()])).get(churn)!;
    const summary = latest.map(f => `${f.type}:${f.id}`).sort();
    expect(summary).toEqual([
      'deployment:production-1',
      'deployment:staging-2',
      'model-version:churn/1',
      'model-version:churn/2',
      'training-run:r3',
    ]);

    // The champion alias moves to version 2 and a version 3 is registered: version 1
    // neither holds an alias nor is one of the two newest.
    await store.upsertFacts([
      version('1', [], '2026-11-01T00:00:00.000Z'),
      version('2', ['challenger', 'champion'], '2026-11-05T00:00:00.000Z'),
      version('3', [], '2026-11-07T00:00:00.000Z'),
    ]);
    const after = (await store.latestFacts()).get(churn)!;
    expect(
      after
        .filter(f => f.type === 'model-version')
        .map(f => f.id)
        .sort(),
    ).toEqual(['churn/2', 'churn/3']);
  });

  it('lists a timeline by time and type, newest first', async () => {
    const { store } = await createStore(id);
    await store.upsertFacts([
      run('r1', '2026-11-01T00:00:00.000Z'),
      deployment('production', '1', '2026-11-02T00:00:00.000Z'),
      run('r2', '2026-11-03T00:00:00.000Z'),
    ]);
    expect((await store.listFacts(churn)).map(f => f.id)).toEqual([
      'r2',
      'production-1',
      'r1',
    ]);
    expect(
      (
        await store.listFacts(churn, {
          since: new Date('2026-11-02T00:00:00Z'),
        })
      ).map(f => f.id),
    ).toEqual(['r2', 'production-1']);
    expect(
      (await store.listFacts(churn, { types: ['deployment'] })).map(f => f.id),
    ).toEqual(['production-1']);
    expect((await store.listFacts(churn, { limit: 1 })).map(f => f.id)).toEqual(
      ['r2'],
    );
    expect(await store.listFacts('component:default/unknown')).toEqual([]);
  });

  it('records per-source status and since when a source fails', async () => {
    const { store } = await createStore(id);
    await store.recordSourceSuccess('mlflow', new Date('2026-11-01T00:00:00Z'));
    await store.recordSourceFailure(
      'mlflow',
      'connect ECONNREFUSED',
      new Date('2026-11-02T00:00:00Z'),
    );
    await store.recordSourceFailure(
      'mlflow',
      'HTTP 502',
      new Date('2026-11-03T00:00:00Z'),
    );
    expect(await store.sourceStatuses(['mlflow'])).toEqual([
      {
        source: 'mlflow',
        lastSuccessAt: '2026-11-01T00:00:00.000Z',
        lastFailureAt: '2026-11-03T00:00:00.000Z',
        failingSince: '2026-11-02T00:00:00.000Z',
        lastError: 'HTTP 502',
      },
    ]);
    await store.recordSourceSuccess('mlflow', new Date('2026-11-04T00:00:00Z'));
    expect(await store.sourceStatuses(['mlflow'])).toEqual([
      {
        source: 'mlflow',
        lastSuccessAt: '2026-11-04T00:00:00.000Z',
        lastFailureAt: '2026-11-03T00:00:00.000Z',
      },
    ]);
  });

  it('counts a fact once when the same push races itself', async () => {
    const { store } = await createStore(id);
    const facts = [
      run('r1', '2026-11-01T00:00:00.000Z'),
      run('r2', '2026-11-02T00:00:00.000Z'),
    ];
    const results = await Promise.all([
      store.upsertFacts(facts),
      store.upsertFacts(facts),
    ]);
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(2);
    expect(results.reduce((n, r) => n + r.unchanged, 0)).toBe(2);
    expect(await store.listFacts(churn)).toHaveLength(2);
  });

  it('stores each (source, id) once under many concurrent pushes', async () => {
    // PostgreSQL has no unique index on (source, id): the per-source lock must hold.
    const { knex, store } = await createStore(id);
    // Entity and source known already: no insert of theirs makes the pushes wait in turn.
    await store.upsertFacts([run('seed', '2026-10-01T00:00:00.000Z')]);
    const facts = Array.from({ length: 50 }, (_, i) =>
      run(`r${i}`, '2026-11-01T00:00:00.000Z'),
    );
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        store.upsertFacts(i % 2 ? [...facts].reverse() : facts),
      ),
    );
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(50);
    expect(results.reduce((n, r) => n + r.unchanged, 0)).toBe(250);
    const [{ n }] = await knex('mlops_facts').count({ n: '*' });
    expect(Number(n)).toBe(51);
  });

  it('keeps the same id from two sources as two facts', async () => {
    const { store } = await createStore(id);
    const other = { ...run('r1', '2026-11-01T00:00:00.000Z'), source: 'ci' };
    await store.upsertFacts([run('r1', '2026-11-01T00:00:00.000Z')]);
    expect(await store.upsertFacts([other])).toEqual({
      accepted: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(await store.listFacts(churn)).toHaveLength(2);
  });
});
