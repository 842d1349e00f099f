import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { group, mlComponent } from '../__testUtils__/entities';
import { mlopsPlugin } from '../plugin';
import { mlopsDemoHistoryModule } from './demoHistoryModule';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const entities = [
  group('fraud', 'Fraud Analytics'),
  mlComponent('churn', {
    owner: 'fraud',
    level: 2,
    lifecycle: 'production',
    template: 'template:default/ml-model',
  }),
  mlComponent('scoring', { owner: 'fraud', level: 1 }),
];

async function start(id: TestDatabaseId, withDemo: boolean) {
  const knex = await databases.init(id);
  const { server } = await startTestBackend({
    features: [
      mlopsPlugin,
      ...(withDemo ? [mlopsDemoHistoryModule] : []),
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          mlops: {
            history: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
            },
          },
        },
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory({ entities }),
    ],
  });
  return { server, knex };
}

/** The overview once the first snapshot has run (it runs in the background after start). */
async function overviewAfterFirstSnapshot(server: any) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const { body } = await request(server).get(
      '/api/mlops/overview?window=365',
    );
    if (body.kpis?.useCases === 2) {
      return body;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error('no snapshot within 60 s');
}

describe.each(databases.eachSupportedId())(
  'mlopsDemoHistoryModule on %p',
  id => {
    it('seeds a labelled year of history on the first snapshot', async () => {
      const { server, knex } = await start(id, true);
      const overview = await overviewAfterFirstSnapshot(server);
      expect(overview.demo).toBe(true);
      // The invented past: a run per use case, level-ups, a year of trend.
      expect(await knex('mlops_runs')).toHaveLength(2);
      expect(overview.kpis.throughput).toBe(1);
      expect(
        overview.trend.filter((p: any) => p.averageLevel !== null).length,
      ).toBeGreaterThan(1);
    });

    it('is the only way demo history gets in: without it the history is the catalog', async () => {
      const { server, knex } = await start(id, false);
      const overview = await overviewAfterFirstSnapshot(server);
      expect(overview.demo).toBe(false);
      expect(await knex('mlops_runs')).toHaveLength(0);
    });
  },
);
