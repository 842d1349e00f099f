import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { mlComponent } from '../../__testUtils__/entities';
import { mlopsPlugin } from '../../plugin';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const PIPELINE_TOKEN = 'lz-test-facts-token-0123456789';
const CATALOG_ONLY_TOKEN = 'lz-test-catalog-token-0123456789';

const churn = mlComponent('churn', { owner: 'growth' });
const scoring = mlComponent('scoring', { owner: 'fraud' });

/** A mock service token of `subject`, as another plugin or a pipeline would send it. */
const serviceHeader = (subject: string) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'mlops',
  });

const fact = (overrides: Record<string, unknown> = {}) => ({
  entityRef: 'component:default/churn',
  type: 'training-run',
  source: 'pipeline',
  id: 'run-1',
  observedAt: '2026-11-30T10:00:00Z',
  data: { runId: 'run-1', metrics: { auc: 0.91 } },
  ...overrides,
});

async function startBackend(
  id: TestDatabaseId,
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    mlops?: JsonObject;
    realAuth?: boolean;
  } = {},
) {
  const knex = await databases.init(id);
  const { server } = await startTestBackend({
    features: [
      mlopsPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            baseUrl: 'http://localhost:7007',
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: PIPELINE_TOKEN, subject: 'ml-pipelines' },
                  accessRestrictions: [{ plugin: 'mlops' }],
                },
                {
                  type: 'static',
                  options: {
                    token: CATALOG_ONLY_TOKEN,
                    subject: 'catalog-reader',
                  },
                  accessRestrictions: [{ plugin: 'catalog' }],
                },
              ],
            },
          },
          mlops: {
            history: {
              schedule: { frequency: { hours: 1 }, timeout: { minutes: 5 } },
            },
            collectors: { repository: { enabled: false } },
            ...options.mlops,
          },
        },
      }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
      catalogServiceMock.factory({ entities: [churn, scoring] }),
      ...(options.realAuth ? [authServiceFactory, httpAuthServiceFactory] : []),
    ],
  });
  const service = serviceHeader('ml-pipelines');
  const push = (body: unknown, auth = service) =>
    request(server)
      .post('/api/mlops/facts')
      .set('Authorization', auth)
      .send(body as object);
  const timeline = (name = 'churn') =>
    request(server).get(`/api/mlops/entities/component/default/${name}/facts`);
  return { server, knex, push, timeline };
}

describe.each(databases.eachSupportedId())('fact routes on %p', id => {
  let malformed: Awaited<ReturnType<typeof startBackend>> | undefined;
  it('stores a valid batch once and shows it on the timeline', async () => {
    const { push, timeline, server } = await startBackend(id);
    const body = {
      facts: [
        fact(),
        fact({
          type: 'ci-run',
          source: 'github-actions',
          id: '77',
          data: { status: 'success', commit: 'abc123' },
        }),
      ],
    };
    const first = await push(body);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ accepted: 2, updated: 0, unchanged: 0 });

    // A retried pipeline step counts nothing twice.
    expect((await push(body)).body).toEqual({
      accepted: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = await push({
      facts: [fact({ data: { runId: 'run-1', metrics: { auc: 0.93 } } })],
    });
    expect(changed.body).toEqual({ accepted: 0, updated: 1, unchanged: 0 });

    const res = await timeline();
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/churn');
    expect(res.body.facts.map((f: any) => [f.source, f.id])).toEqual([
      ['github-actions', '77'],
      ['pipeline', 'run-1'],
    ]);
    expect(res.body.facts[1].data.metrics.auc).toBe(0.93);
    expect(res.body.sources.map((s: any) => s.source)).toEqual([
      'github-actions',
      'pipeline',
    ]);
    expect(res.body.sources[0].lastSuccessAt).toEqual(expect.any(String));

    const filtered = await request(server).get(
      '/api/mlops/entities/component/default/churn/facts?types=ci-run&limit=5',
    );
    expect(filtered.body.facts.map((f: any) => f.id)).toEqual(['77']);
    const bad = await request(server).get(
      '/api/mlops/entities/component/default/churn/facts?types=ci',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^types: expected/);
  });

  it.each([
    ['not an object', [], /^body: expected an object/],
    ['no facts', { items: [] }, /^items: unknown field/],
    ['facts not an array', { facts: 'x' }, /^facts: expected an array/],
    ['an empty batch', { facts: [] }, /^facts: expected at least one fact/],
    [
      'a fact that is not an object',
      { facts: [7] },
      /^facts\[0\]: expected an object/,
    ],
    [
      'a short entity ref',
      { facts: [fact({ entityRef: 'churn' })] },
      /facts\[0\]\.entityRef: expected a full entity ref/,
    ],
    [
      'an unknown type',
      { facts: [fact({ type: 'metric' })] },
      /facts\[0\]\.type: expected one of/,
    ],
    [
      'an empty source',
      { facts: [fact({ source: ' ' })] },
      /facts\[0\]\.source: expected a non-empty string/,
    ],
    [
      'a long id',
      { facts: [fact({ id: 'x'.repeat(201) })] },
      /facts\[0\]\.id: expected at most 200 characters/,
    ],
    [
      'a missing id',
      { facts: [fact({ id: undefined })] },
      /facts\[0\]\.id: expected a non-empty string/,
    ],
    [
      'a local time',
      { facts: [fact({ observedAt: '2026-11-30 10:00' })] },
      /facts\[0\]\.observedAt: expected an ISO-8601/,
    ],
    [
      'a future time',
      { facts: [fact({ observedAt: '2999-01-01T00:00:00Z' })] },
      /facts\[0\]\.observedAt: is in the future/,
    ],
    [
      'no data',
      { facts: [fact({ data: undefined })] },
      /facts\[0\]\.data: required/,
    ],
    [
      'a string metric',
      { facts: [fact({ data: { runId: 'r', metrics: { auc: '0.9' } } })] },
      /facts\[0\]\.data\.metrics\.auc: expected a number/,
    ],
    [
      'metrics not a map',
      { facts: [fact({ data: { runId: 'r', metrics: [0.9] } })] },
      /facts\[0\]\.data\.metrics: expected an object/,
    ],
    [
      'an unknown top-level field',
      { facts: [fact({ owner: 'me' })] },
      /facts\[0\]\.owner: unknown field/,
    ],
    [
      'aliases as a string',
      {
        facts: [
          fact({
            type: 'model-version',
            data: {
              registry: 'mlflow',
              model: 'm',
              version: '1',
              aliases: 'a',
            },
          }),
        ],
      },
      /facts\[0\]\.data\.aliases: expected an array/,
    ],
    [
      'a version number',
      {
        facts: [
          fact({
            type: 'model-version',
            data: { registry: 'mlflow', model: 'm', version: 1, aliases: [] },
          }),
        ],
      },
      /facts\[0\]\.data\.version: expected a non-empty string/,
    ],
    [
      'passed as a string',
      {
        facts: [
          fact({
            type: 'evaluation',
            data: { suite: 's', score: 1, threshold: 0.5, passed: 'true' },
          }),
        ],
      },
      /facts\[0\]\.data\.passed: expected true or false/,
    ],
    [
      'a deployment without version',
      {
        facts: [
          fact({ type: 'deployment', data: { environment: 'production' } }),
        ],
      },
      /facts\[0\]\.data\.version: required in deployment facts/,
    ],
    [
      'drift without threshold',
      {
        facts: [
          fact({
            type: 'drift-check',
            data: { features: { age: 0.1 }, breached: false },
          }),
        ],
      },
      /facts\[0\]\.data\.threshold: required in drift-check facts/,
    ],
    [
      'an unknown trigger',
      {
        facts: [
          fact({ type: 'retraining', data: { trigger: 'cron', runId: 'r' } }),
        ],
      },
      /facts\[0\]\.data\.trigger: expected one of schedule, drift, manual/,
    ],
    [
      'an unknown CI status',
      {
        facts: [fact({ type: 'ci-run', data: { status: 'ok', commit: 'a' } })],
      },
      /facts\[0\]\.data\.status: expected one of success, failure, cancelled/,
    ],
    [
      'files with a number',
      {
        facts: [
          fact({
            type: 'repository',
            data: { commit: 'a', files: ['Dockerfile', 1] },
          }),
        ],
      },
      /facts\[0\]\.data\.files\[1\]: expected a non-empty string/,
    ],
    [
      'a duplicate in the batch',
      { facts: [fact(), fact()] },
      /facts\[1\]\.id: source "pipeline" and id "run-1" repeat facts\[0\]/,
    ],
  ])(
    'rejects %s with a 400 naming the field, writing nothing',
    async (_what, body, message) => {
      // One backend for all malformed requests: none of them may write anything.
      malformed ??= await startBackend(id);
      const { push, timeline } = malformed;
      // A valid fact before the bad one: the batch is all or nothing.
      const withValid =
        (body as any).facts?.length === 1 &&
        typeof (body as any).facts[0] === 'object'
          ? { facts: [fact({ id: 'ok-1' }), (body as any).facts[0]] }
          : body;
      const res = await push(withValid);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        withValid === body
          ? message
          : new RegExp(
              message.source.replace(/facts\\\[0\\\]/g, 'facts\\[1\\]'),
            ),
      );
      expect((await timeline()).body.facts).toEqual([]);
    },
  );

  it('refuses oversized and non-JSON requests', async () => {
    const { push, server } = await startBackend(id);
    const tooMany = await push({
      facts: Array.from({ length: 501 }, (_, i) => fact({ id: `r${i}` })),
    });
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error.message).toBe(
      'facts: expected at most 500 facts per request, got 501',
    );

    const big = await push({
      facts: Array.from({ length: 80 }, (_, i) =>
        fact({
          id: `r${i}`,
          data: { runId: 'r', metrics: {}, notes: 'x'.repeat(15_000) },
        }),
      ),
    });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(
      /^body: expected at most 1048576 bytes/,
    );

    const text = await request(server)
      .post('/api/mlops/facts')
      .set('Authorization', serviceHeader('ml-pipelines'))
      .set('Content-Type', 'text/plain')
      .send('facts');
    expect(text.status).toBe(415);

    const broken = await request(server)
      .post('/api/mlops/facts')
      .set('Authorization', serviceHeader('ml-pipelines'))
      .set('Content-Type', 'application/json')
      .send('{"facts": [');
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/^body: not valid JSON/);
  });

  it('refuses users, missing tokens and principals without the permission', async () => {
    const { push } = await startBackend(id);
    expect(
      (await push({ facts: [fact()] }, mockCredentials.user.header())).status,
    ).toBe(403);

    const denied = await startBackend(id, { permission: AuthorizeResult.DENY });
    const res = await denied.push({ facts: [fact()] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('Missing permission mlops.fact.create');
  });

  it('limits each writer to its entities (mlops.facts.writers)', async () => {
    const { push, timeline } = await startBackend(id, {
      mlops: {
        facts: {
          writers: [
            { subject: 'ml-pipelines', entities: ['component:default/churn*'] },
          ],
        },
      },
    });
    expect((await push({ facts: [fact()] })).status).toBe(200);
    const outside = await push({
      facts: [
        fact({ id: 'x' }),
        fact({ id: 'y', entityRef: 'component:default/scoring' }),
      ],
    });
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toBe(
      'facts[1].entityRef: ml-pipelines may not push facts about component:default/scoring',
    );
    const stranger = await push(
      { facts: [fact({ id: 'z' })] },
      serviceHeader('plugin:other'),
    );
    expect(stranger.status).toBe(403);
    expect((await timeline()).body.facts.map((f: any) => f.id)).toEqual([
      'run-1',
    ]);
  });

  it('answers 404 for an entity the caller cannot see in the catalog', async () => {
    const { timeline } = await startBackend(id);
    const res = await timeline('hidden');
    expect(res.status).toBe(404);
  });

  it('accepts the external-access static token and refuses one restricted to another plugin', async () => {
    const { push, server } = await startBackend(id, { realAuth: true });
    const anonymous = await request(server)
      .post('/api/mlops/facts')
      .send({ facts: [fact()] });
    expect(anonymous.status).toBe(401);
    const ok = await push({ facts: [fact()] }, `Bearer ${PIPELINE_TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.body.accepted).toBe(1);
    expect(
      (await push({ facts: [fact()] }, `Bearer ${CATALOG_ONLY_TOKEN}`)).status,
    ).toBe(403);
    expect((await push({ facts: [fact()] }, 'Bearer not-a-token')).status).toBe(
      401,
    );
  });
});
