import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { createBackendPlugin } from '@backstage/backend-plugin-api';
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

/** A stock plugin failing as the catalog did when two replicas migrated at once. */
const brokenPlugin = createBackendPlugin({
  pluginId: 'broken',
  register(env) {
    env.registerInit({
      deps: {},
      async init() {
        throw new Error('MigrationLocked: Migration table is already locked');
      },
    });
  },
});

function startReplica(knex: Knex, extraFeatures: any[] = []) {
  return startTestBackend({
    features: [
      ...extraFeatures,
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

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Polls until the snapshot count reaches `runs`; the deadline only bounds a failing test. */
async function waitForRuns(knex: Knex, runs: number, deadlineMs = 60_000) {
  const deadline = Date.now() + deadlineMs;
  while ((await snapshotRuns(knex)) < runs && Date.now() < deadline) {
    await sleep(250);
  }
  return snapshotRuns(knex);
}

/** Longer than a worker tick and a scheduler poll together: time for a wrong extra run. */
const SETTLE_MS = 12_000;

describe.each(databases.eachSupportedId())('two replicas on %p', id => {
  it('run the snapshot once per period and record a task once', async () => {
    const knex = await databases.init(id);
    const [a, b] = await Promise.all([startReplica(knex), startReplica(knex)]);
    try {
      await waitForRuns(knex, 1);
      // Give the other replica several polling rounds to (wrongly) run it too.
      await sleep(SETTLE_MS);
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

describe.each(databases.eachSupportedId())('replica failures on %p', id => {
  it('take over a snapshot whose replica died mid-run once its lease lapses', async () => {
    const knex = await databases.init(id);
    const replica = await startReplica(knex);
    try {
      expect(await waitForRuns(knex, 1)).toBe(1);
      // What a kill -9 leaves: a due snapshot held by a replica that renews nothing.
      const now = Date.now();
      await knex('mlops_snapshot_lease').update({
        due_at: now,
        holder: 'dead-replica',
        started_at: now,
        expires_at: now + 3_000,
      });
      expect(await waitForRuns(knex, 2, 30_000)).toBe(2);
      // The run row is written before the lease is released, so wait for the release: the
      // live replica took the dead one's lease over, finished and let it go.
      const released = async () => {
        const lease = await knex('mlops_snapshot_lease').first();
        return lease.holder === null && lease.due_at === null;
      };
      for (let i = 0; i < 100 && !(await released()); i++) await sleep(100);
      expect(await knex('mlops_snapshot_lease').first()).toEqual(
        expect.objectContaining({ holder: null, due_at: null }),
      );
    } finally {
      await replica.stop();
    }
  });

  it('add no snapshot run when a replica restarts', async () => {
    const knex = await databases.init(id);
    const first = await startReplica(knex);
    expect(await waitForRuns(knex, 1)).toBe(1);
    await first.stop();
    const restarted = await startReplica(knex);
    try {
      await sleep(SETTLE_MS);
      expect(await snapshotRuns(knex)).toBe(1);
    } finally {
      await restarted.stop();
    }
  });

  it('never snapshot from a replica whose startup failed', async () => {
    const knex = await databases.init(id);
    await expect(startReplica(knex, [brokenPlugin])).rejects.toThrow(
      /Plugin 'broken' startup failed/,
    );
    await sleep(SETTLE_MS);
    expect(await snapshotRuns(knex)).toBe(0);
    // The fresh database's first snapshot is still due, for a replica that starts well.
    expect(await knex('mlops_snapshot_lease').first()).toEqual(
      expect.objectContaining({ holder: null, started_at: null }),
    );
  });
});
