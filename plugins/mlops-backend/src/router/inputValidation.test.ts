import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { group, mlComponent } from '../__testUtils__/entities';
import { mlopsPlugin } from '../plugin';

jest.setTimeout(120_000);

// NUL bytes and overlong values are refused by PostgreSQL, not by SQLite: both run.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

const scaffolder = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('plugin:scaffolder'),
  targetPluginId: 'mlops',
});

const event = (overrides: object) => ({
  taskId: 'task-1',
  entityRef: 'component:default/churn',
  ...overrides,
});

/** The malformed requests of issue 13.4, each with the field its 400 must name. */
const malformed: Array<{
  what: string;
  send: (server: any) => request.Test;
  status: number;
  names: RegExp;
}> = [
  {
    what: 'a NUL byte in a path parameter',
    send: s => request(s).get('/api/mlops/teams/default/fr%00aud'),
    status: 400,
    names: /name/,
  },
  {
    what: 'a NUL byte in an entity path',
    send: s =>
      request(s).get('/api/mlops/entities/component/default/ch%00urn/history'),
    status: 400,
    names: /name/,
  },
  {
    what: 'a / in an entity kind',
    send: s =>
      request(s).get('/api/mlops/entities/comp%2Fonent/default/churn/history'),
    status: 400,
    names: /kind/,
  },
  {
    what: 'a malformed percent-encoding',
    send: s => request(s).get('/api/mlops/teams/default/%E0%A4%A'),
    status: 400,
    names: /name|path/,
  },
  {
    what: 'a NUL byte in a body string',
    send: s =>
      request(s)
        .post('/api/mlops/events/created')
        .set('Authorization', scaffolder)
        .send(event({ taskId: 'task\u00001' })),
    status: 400,
    names: /taskId/,
  },
  {
    what: 'an entity ref over 255 characters',
    send: s =>
      request(s)
        .post('/api/mlops/events/created')
        .set('Authorization', scaffolder)
        .send(event({ entityRef: `component:default/${'x'.repeat(300)}` })),
    status: 400,
    names: /entityRef/,
  },
  {
    what: 'a template ref over 255 characters',
    send: s =>
      request(s)
        .post('/api/mlops/events/created')
        .set('Authorization', scaffolder)
        .send(event({ templateRef: `template:default/${'t'.repeat(300)}` })),
    status: 400,
    names: /templateRef/,
  },
  ...[
    ['a leap second', '2016-12-31T23:59:60Z'],
    ['an offset of +25:00', '2026-01-01T00:00:00+25:00'],
    ['an impossible date', '2026-02-30T10:00:00Z'],
    ['a date in the future', '2999-01-01T00:00:00Z'],
    ['a date before the epoch', '1969-12-31T23:59:59Z'],
  ].map(([what, createdAt]) => ({
    what: `createdAt with ${what}`,
    send: (s: any) =>
      request(s)
        .post('/api/mlops/events/created')
        .set('Authorization', scaffolder)
        .send(event({ createdAt })),
    status: 400,
    names: /createdAt/,
  })),
  {
    what: 'an unknown body property',
    send: s =>
      request(s)
        .post('/api/mlops/events/created')
        .set('Authorization', scaffolder)
        .send(event({ colour: 'blue' })),
    status: 400,
    names: /colour/,
  },
  {
    what: 'an oversized body',
    send: s =>
      request(s)
        .post('/api/mlops/events/created')
        .set('Authorization', scaffolder)
        .send(event({ outcome: 'x'.repeat(2_000_000) })),
    status: 413,
    names: /body|large|limit/i,
  },
  {
    what: 'a body that is not JSON',
    send: s =>
      request(s)
        .post('/api/mlops/events/created')
        .set('Authorization', scaffolder)
        .set('Content-Type', 'text/plain')
        .send('taskId=task-1'),
    status: 415,
    names: /application\/json/,
  },
];

describe.each(databases.eachSupportedId())('malformed requests on %p', id => {
  let server: any;
  let knex: any;

  beforeAll(async () => {
    knex = await databases.init(id);
    ({ server } = await startTestBackend({
      features: [
        mlopsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        catalogServiceMock.factory({
          entities: [group('fraud', 'Fraud'), mlComponent('churn')],
        }),
      ],
    }));
  });

  it.each(malformed.map(m => [m.what, m] as const))(
    'answers %s with its status, naming the field, and writes nothing',
    async (_what, m) => {
      const res = await m.send(server);
      expect({ status: res.status, message: res.body?.error?.message }).toEqual(
        {
          status: m.status,
          message: expect.stringMatching(m.names),
        },
      );
      expect(await knex('mlops_runs')).toHaveLength(0);
    },
  );
});
