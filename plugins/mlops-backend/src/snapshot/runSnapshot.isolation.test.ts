import {
  mockCredentials,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { mlComponent } from '../__testUtils__/entities';
import { readMlopsBackendConfig } from '../config';
import { HistoryStore } from '../database/HistoryStore';
import { migrateDatabase } from '../database/migrateDatabase';
import { runSnapshot } from './runSnapshot';
import { readSnapshotStatus, recordSnapshotFailure } from './snapshotStatus';

jest.setTimeout(120_000);

// Storage limits are the database's: both, or the test proves nothing about production.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function setup(id: TestDatabaseId) {
  const knex = await databases.init(id);
  await migrateDatabase(knex);
  const store = new HistoryStore(knex);
  const logger = mockServices.logger.mock();
  const snapshot = (entities: Entity[], now = '2026-03-01T10:00:00Z') =>
    runSnapshot({
      catalog: catalogServiceMock({ entities }),
      credentials: mockCredentials.service(),
      store,
      config: readMlopsBackendConfig(new ConfigReader({})),
      logger,
      levelCount: 3,
      now: new Date(now),
    });
  const warnings = () => logger.warn.mock.calls.map(call => String(call[0]));
  return { knex, store, snapshot, warnings };
}

function withTitle(entity: Entity, title: string): Entity {
  return { ...entity, metadata: { ...entity.metadata, title } };
}

describe.each(databases.eachSupportedId())('a snapshot on %p', id => {
  it('stores titles, lifecycles and source templates of any length the catalog accepts', async () => {
    const { store, snapshot } = await setup(id);
    const long = 'x'.repeat(300);
    await snapshot([
      withTitle(
        mlComponent('long', {
          lifecycle: `l${long}`,
          template: `template:default/${long}`,
        }),
        `T${long}`,
      ),
    ]);
    // A second snapshot in which the lifecycle changes writes events with both values.
    await snapshot(
      [
        withTitle(
          mlComponent('long', {
            lifecycle: `m${long}`,
            template: `template:default/${long}`,
          }),
          `T${long}`,
        ),
      ],
      '2026-03-02T10:00:00Z',
    );
    const row = await store.getEntity('component:default/long');
    expect(row?.title).toBe(`T${long}`);
    expect(row?.lifecycle).toBe(`m${long}`);
    expect(row?.template_ref).toBe(`template:default/${long}`);
    expect((await store.listEvents('component:default/long')).at(-1)).toEqual(
      expect.objectContaining({
        type: 'lifecycle-changed',
        fromLifecycle: `l${long}`,
      }),
    );
  });

  it('skips an entity it cannot store, naming the entity and the field, and records the rest', async () => {
    const { store, snapshot, warnings } = await setup(id);
    const result = await snapshot([
      mlComponent('good'),
      withTitle(mlComponent('nul-title'), 'bad\u0000title'),
      mlComponent('long-owner', { owner: `group:default/${'o'.repeat(300)}` }),
      mlComponent('high-level', { level: 7 }),
    ]);
    expect(result).toEqual(
      expect.objectContaining({ useCases: 1, changed: 1, skipped: 3 }),
    );
    expect(await store.getEntity('component:default/good')).toBeDefined();
    expect(
      await store.getEntity('component:default/nul-title'),
    ).toBeUndefined();
    expect(warnings()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /skipped "component:default\/nul-title": metadata\.title must be text without NUL/,
        ),
        expect.stringMatching(
          /skipped "component:default\/long-owner": spec\.owner must be an entity ref of at most 255/,
        ),
        expect.stringMatching(
          /skipped "component:default\/high-level": .*maturity-level must be a level from 0 to 2/,
        ),
      ]),
    );
  });

  it('does not mark a recorded entity removed when it turns unstorable', async () => {
    const { store, snapshot } = await setup(id);
    await snapshot([mlComponent('churn')]);
    await snapshot(
      [withTitle(mlComponent('churn'), 'now\u0000bad')],
      '2026-03-02T10:00:00Z',
    );
    const row = await store.getEntity('component:default/churn');
    expect(row?.removed_at).toBeNull();
    expect(row?.title).toBe('churn');
  });

  it('reports when history was last refreshed and whether the last snapshot failed', async () => {
    const { store, snapshot } = await setup(id);
    expect(await readSnapshotStatus(store)).toEqual({
      lastRefreshedAt: null,
      lastFailedAt: null,
      lastSnapshotFailed: false,
    });
    await snapshot([mlComponent('churn')], '2026-03-01T10:00:00Z');
    await recordSnapshotFailure(store, new Date('2026-03-01T10:10:00Z'));
    expect(await readSnapshotStatus(store)).toEqual({
      lastRefreshedAt: '2026-03-01T10:00:00.000Z',
      lastFailedAt: '2026-03-01T10:10:00.000Z',
      lastSnapshotFailed: true,
    });
    await snapshot([mlComponent('churn')], '2026-03-01T10:20:00Z');
    expect((await readSnapshotStatus(store)).lastSnapshotFailed).toBe(false);
  });
});
