import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Fact } from '@landing-zone/plugin-mlops-common';
import { migrateDatabase } from '../../database/migrateDatabase';
import { FactStore } from '../FactStore';
import { factTypeCode } from './factTypeCodes';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const directory = resolvePackagePath(
  '@landing-zone/plugin-mlops-backend',
  'migrations',
);

const HEX = '0123456789abcdef0123456789abcdef';

const fact = (id: string, source = 'mlflow'): Fact => ({
  entityRef: 'component:default/churn',
  type: 'training-run',
  source,
  id,
  observedAt: '2026-11-01T00:00:00.000Z',
  data: { metrics: {}, runId: id },
});

describe.each(databases.eachSupportedId())(
  'migrations/20261202140000_fact_indexes_pg on %p',
  id => {
    it('keeps facts written before it idempotent, and rolls back', async () => {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      // The facts table as it was before (this migration rolled back, by name: later ones
      // stay), with facts written then: JSON in `data`, no payload.
      await knex.migrate.down({
        directory,
        name: '20261202140000_fact_indexes_pg.js',
      });
      const [source] = await knex('mlops_fact_sources')
        .insert({ source: 'mlflow' })
        .returning('id');
      const [entity] = await knex('mlops_fact_entities')
        .insert({ entity_ref: 'component:default/churn' })
        .returning('id');
      // One id of hex digits (packed to bytes on PostgreSQL), one not.
      await knex('mlops_facts').insert(
        ['r1', HEX].map(key => ({
          source_id: source.id,
          fact_key: key,
          entity_id: entity.id,
          type: factTypeCode('training-run'),
          observed_at: Date.parse('2026-11-01T00:00:00.000Z'),
          notable: false,
          data: JSON.stringify({ metrics: {}, runId: key }),
        })),
      );
      const store = new FactStore(knex);

      await migrateDatabase(knex);
      expect(
        await store.upsertFacts([
          fact('r1'),
          fact(HEX),
          fact('r2'),
          fact('r1', 'ci'),
        ]),
      ).toEqual({ accepted: 2, updated: 0, unchanged: 2 });
      const stored = await store.listFacts('component:default/churn');
      expect(stored.map(f => `${f.source}/${f.id}`).sort()).toEqual([
        'ci/r1',
        `mlflow/${HEX}`,
        'mlflow/r1',
        'mlflow/r2',
      ]);
    });
  },
);
