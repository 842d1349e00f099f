import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { mlComponent } from './__testUtils__/entities';
import { toTypeCode } from './database/eventTypes';
import { mlopsPlugin } from './plugin';

jest.setTimeout(120_000);

// Replicas share one database only on PostgreSQL; this is the production topology.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

function startReplica(knex: Knex) {
  return startTestBackend({
    features: [
      mlopsPlugin,
      schedulerServiceFactory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          mlops: {
            history: {
              schedule: { frequency: { minutes: 10 }, timeout: { minutes: 5 } },
            },
          },
        },
      }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      catalogServiceMock.factory({
        entities: [mlComponent('churn'), mlComponent('scoring')],
      }),
    ],
  });
}

async function snapshotRuns(knex: Knex): Promise<number> {
  const row = await knex('mlops_meta').where({ key: 'snapshot.runs' }).first();
  return Number(row?.value ?? 0);
}

describe.each(databases.eachSupportedId())('two replicas on %p', id => {
  it('run the snapshot once per period and record a task once', async () => {
    const knex = await databases.init(id);
    const [a, b] = await Promise.all([startReplica(knex), startReplica(knex)]);
    try {
      const deadline = Date.now() + 60_000;
      while ((await snapshotRuns(knex)) === 0 && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      // Give the other replica's scheduler several polling rounds to (wrongly) run it too.
      await new Promise(resolve => setTimeout(resolve, 5_000));
      expect(await snapshotRuns(knex)).toBe(1);
      expect(
        await knex('mlops_events').where({ type: toTypeCode('first-seen') }),
      ).toHaveLength(2);

      const body = { taskId: 'task-77', entityRef: 'component:default/churn' };
      const responses = await Promise.all(
        [a, b, a, b, a, b].map(replica =>
          request(replica.server)
            .post('/api/mlops/events/created')
            .set('Authorization', mockCredentials.service.header())
            .send(body),
        ),
      );
      expect(responses.map(r => r.status).sort()).toEqual([
        200, 200, 200, 200, 200, 201,
      ]);
      expect(await knex('mlops_runs')).toHaveLength(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
