import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { group, mlComponent, testModelConfig } from '../__testUtils__/entities';
import { mlopsPlugin } from '../plugin';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const entities = [
  group('fraud', 'Fraud Analytics'),
  group('growth', 'Growth'),
  mlComponent('churn', {
    owner: 'growth',
    level: 2,
    score: 100,
    failing: '',
    lifecycle: 'production',
    template: 'template:default/ml-model',
    createdAt: '2026-01-01T00:00:00.000Z',
  }),
  mlComponent('scoring', {
    owner: 'fraud',
    level: 1,
    score: 60,
    template: 'template:default/ml-model',
  }),
  mlComponent('chatbot', {
    owner: 'fraud',
    type: 'llm-app',
    level: 0,
    score: 10,
    failing: 'ci',
  }),
  mlComponent('website', { owner: 'fraud', type: 'website' }),
  // Templates are catalog entities too: /templates names only those the caller may see.
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'ml-model', namespace: 'default' },
    spec: {},
  },
];

async function startBackend(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    catalogEntities?: typeof entities;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  const { server } = await startTestBackend({
    features: [
      mlopsPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          mlops: {
            // The router's shapes are under test here; evaluation on facts in the
            // snapshot tests.
            maturity: testModelConfig,
            history: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
            },
            value: {
              manualOnboardingHours: 40,
              selfServeHours: 4,
              hourlyCost: 100,
              currency: 'EUR',
            },
          },
        },
      }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      catalogServiceMock.factory({
        entities: options.catalogEntities ?? entities,
      }),
    ],
  });
  return { server, knex };
}

describe('mlops router', () => {
  it('serves the overview from the startup snapshot', async () => {
    const { server } = await startBackend();
    const res = await request(server).get('/api/mlops/overview?window=365');
    expect(res.status).toBe(200);
    expect(res.body.window).toBe(365);
    expect(res.body.demo).toBe(false);
    expect(res.body.kpis).toMatchObject({
      useCases: 3,
      inProduction: 1,
      throughput: 1,
      flowLoad: 2,
      // Two use cases came from a template in the window: 2 × (40 − 4) hours × 100.
      valueSaved: { hours: 72, currency: 'EUR', amount: 7200 },
    });
    expect(res.body.kpis.leadTime.count).toBe(1);
    expect(res.body.levels).toEqual([1, 1, 1]);
    expect(res.body.levelNames).toHaveLength(3);
    expect(res.body.trend.length).toBeGreaterThan(10);
  });

  it('says when history was last refreshed and whether the last snapshot failed (issue 13.1)', async () => {
    const { server, knex } = await startBackend();
    const fresh = await request(server).get('/api/mlops/overview');
    expect(fresh.body.freshness).toEqual({
      lastRefreshedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastSnapshotFailed: false,
      lastFailedAt: null,
    });
    // What the plugin's task records when a snapshot throws.
    const failedAt = new Date(Date.now() + 60_000).toISOString();
    await knex('mlops_meta').insert({
      key: 'snapshot.lastFailureAt',
      value: failedAt,
    });
    for (const url of [
      '/api/mlops/overview',
      '/api/mlops/teams/default/fraud',
    ]) {
      const res = await request(server).get(url);
      expect(res.body.freshness).toEqual(
        expect.objectContaining({
          lastSnapshotFailed: true,
          lastFailedAt: failedAt,
        }),
      );
    }
  });

  it('lists teams with titles, levels and throughput', async () => {
    const { server } = await startBackend();
    const res = await request(server).get('/api/mlops/teams');
    expect(res.status).toBe(200);
    expect(res.body.window).toBe(90);
    const byRef = Object.fromEntries(
      res.body.teams.map((t: any) => [t.teamRef, t]),
    );
    expect(Object.keys(byRef).sort()).toEqual([
      'group:default/fraud',
      'group:default/growth',
    ]);
    expect(byRef['group:default/fraud']).toMatchObject({
      title: 'Fraud Analytics',
      useCases: 2,
      levels: [1, 1, 0],
      averageLevel: 0.5,
      throughput: 0,
      flowLoad: 2,
    });
    expect(byRef['group:default/growth'].throughput).toBe(1);
    expect(byRef['group:default/growth'].valueSaved).toBeUndefined();
  });

  it('filters teams by the team parameter', async () => {
    const { server } = await startBackend();
    const res = await request(server).get(
      `/api/mlops/teams?team=${encodeURIComponent('group:default/growth')}`,
    );
    expect(res.body.teams.map((t: any) => t.teamRef)).toEqual([
      'group:default/growth',
    ]);
  });

  it('returns one team with its use cases and failing checks', async () => {
    const { server } = await startBackend();
    const res = await request(server).get('/api/mlops/teams/default/fraud');
    expect(res.status).toBe(200);
    expect(res.body.team.teamRef).toBe('group:default/fraud');
    expect(res.body.useCases).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/chatbot',
        type: 'llm-app',
        level: 0,
        failingChecks: ['ci'],
      }),
      expect.objectContaining({
        entityRef: 'component:default/scoring',
        failingChecks: ['cd', 'monitoring'],
        template: 'template:default/ml-model',
      }),
    ]);
    expect(
      (await request(server).get('/api/mlops/teams/default/nobody')).status,
    ).toBe(404);
  });

  it('returns an entity history with events and series', async () => {
    const { server } = await startBackend();
    const res = await request(server).get(
      '/api/mlops/entities/component/default/churn/history',
    );
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({
      level: 2,
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(res.body.events.map((e: any) => e.type)).toEqual([
      'first-seen',
      'reached-production',
    ]);
    expect(res.body.series).toEqual([
      // Every check passes, so the evaluated score is full.
      expect.objectContaining({ level: 2, score: 100 }),
    ]);
  });

  it('hides the history of an entity the catalog does not show the caller', async () => {
    const { server } = await startBackend();
    const res = await request(server).get(
      '/api/mlops/entities/component/default/secret/history',
    );
    expect(res.status).toBe(404);
  });

  it('reports templates with use cases, levels and runs', async () => {
    const { server } = await startBackend();
    await request(server)
      .post('/api/mlops/events/created')
      .set('Authorization', mockCredentials.service.header())
      .send({
        taskId: 't-1',
        entityRef: 'component:default/scoring',
        templateRef: 'template:default/ml-model',
      });
    const res = await request(server).get('/api/mlops/templates');
    expect(res.status).toBe(200);
    expect(res.body.templates).toEqual([
      {
        templateRef: 'template:default/ml-model',
        useCases: 2,
        teams: ['group:default/fraud', 'group:default/growth'],
        levels: [0, 1, 1],
        inProduction: 1,
        runs: { succeeded: 1, failed: 0 },
      },
    ]);
  });

  it('exports teams as CSV', async () => {
    const { server } = await startBackend();
    const res = await request(server).get('/api/mlops/teams.csv?window=30');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^team,title,use_cases/);
    expect(lines.slice(1).map(l => l.split(',')[0])).toEqual([
      'group:default/fraud',
      'group:default/growth',
    ]);
  });

  it.each([
    ['/api/mlops/overview?window=7', 'window'],
    ['/api/mlops/teams?period=year', 'period'],
    ['/api/mlops/teams.csv?team=not-a-ref', 'team'],
    ['/api/mlops/overview?colour=blue', 'colour'],
  ])('rejects %s with a 400 naming %s', async (url, parameter) => {
    const { server } = await startBackend();
    const res = await request(server).get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(parameter);
  });

  it('records a created event once per task id', async () => {
    const { server, knex } = await startBackend();
    const post = () =>
      request(server)
        .post('/api/mlops/events/created')
        .set('Authorization', mockCredentials.service.header())
        .send({
          taskId: 'task-9',
          entityRef: 'component:default/chatbot',
          templateRef: 'template:default/llm-app',
          createdAt: '2026-03-01T09:00:00.000Z',
        });
    expect((await post()).status).toBe(201);
    const again = await post();
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ recorded: false });
    expect(await knex('mlops_runs')).toHaveLength(1);
    const history = await request(server).get(
      '/api/mlops/entities/component/default/chatbot/history',
    );
    expect(history.body.current.createdAt).toBe('2026-03-01T09:00:00.000Z');
  });

  it('rejects a created event without a task id, naming the field', async () => {
    const { server, knex } = await startBackend();
    const res = await request(server)
      .post('/api/mlops/events/created')
      .set('Authorization', mockCredentials.service.header())
      .send({ entityRef: 'component:default/chatbot' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('taskId');
    expect(await knex('mlops_runs')).toHaveLength(0);
  });

  it('rejects unauthenticated requests', async () => {
    const { server } = await startBackend();
    const res = await request(server)
      .get('/api/mlops/overview')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  describe('when the permission policy denies', () => {
    it('forbids reads', async () => {
      const { server } = await startBackend({
        permission: AuthorizeResult.DENY,
      });
      for (const url of [
        '/api/mlops/overview',
        '/api/mlops/teams',
        '/api/mlops/teams.csv',
        '/api/mlops/templates',
        '/api/mlops/teams/default/fraud',
        '/api/mlops/entities/component/default/churn/history',
      ]) {
        expect((await request(server).get(url)).status).toBe(403);
      }
    });

    it('lets the scaffolder record, and no other service the policy does not allow', async () => {
      const { server, knex } = await startBackend({
        permission: AuthorizeResult.DENY,
      });
      const post = (header: string, taskId: string) =>
        request(server)
          .post('/api/mlops/events/created')
          .set('Authorization', header)
          .send({ taskId, entityRef: 'component:default/churn' });
      expect(
        (await post(mockCredentials.service.header(), 'task-4')).status,
      ).toBe(403);
      expect(
        (
          await post(
            mockCredentials.service.header({
              onBehalfOf: mockCredentials.service('plugin:scaffolder'),
              targetPluginId: 'mlops',
            }),
            'task-5',
          )
        ).status,
      ).toBe(201);
      expect((await knex('mlops_runs')).map(r => r.task_id)).toEqual([
        'task-5',
      ]);
    });
  });

  describe('when the permission policy allows everything', () => {
    it('still forbids users, guests included, to record (issue 13.2: forged lead times)', async () => {
      const { server, knex } = await startBackend();
      for (const header of [
        mockCredentials.user.header(),
        mockCredentials.user.header('user:development/guest'),
      ]) {
        const res = await request(server)
          .post('/api/mlops/events/created')
          .set('Authorization', header)
          .send({
            taskId: 'forged',
            entityRef: 'component:default/churn',
            createdAt: '2024-01-01T00:00:00Z',
            outcome: 'failed',
          });
        expect(res.status).toBe(403);
      }
      expect(await knex('mlops_runs')).toHaveLength(0);
      // A service the policy allows (here: everything) may record.
      const allowed = await request(server)
        .post('/api/mlops/events/created')
        .set('Authorization', mockCredentials.service.header())
        .send({ taskId: 'task-6', entityRef: 'component:default/churn' });
      expect(allowed.status).toBe(201);
    });
  });
});
