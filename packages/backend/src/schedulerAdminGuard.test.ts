import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { schedulerAdminGuard } from './schedulerAdminGuard';

/** A JWT-shaped token whose header has this `typ` (signature irrelevant to the guard). */
function jwt(typ: string) {
  const part = (o: object) =>
    Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'ES256', typ })}.${part({ sub: 'x' })}.signature`;
}

describe('the scheduler admin guard', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) =>
      schedulerAdminGuard(req, res, () => {
        res.statusCode = 200;
        res.end('passed on');
      }),
    );
    await new Promise<void>(resolve => server.listen(0, resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  const post = (path: string, authorization?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: authorization ? { authorization } : {},
    });
  const trigger =
    '/api/mlops/.backstage/scheduler/v1/tasks/mlops-history-snapshot/trigger';

  it('refuses users (a user token, a limited user token, a cookie) the trigger and cancel routes', async () => {
    expect(
      (await post(trigger, `Bearer ${jwt('vnd.backstage.user')}`)).status,
    ).toBe(403);
    expect(
      (
        await post(
          trigger.replace('trigger', 'cancel'),
          `Bearer ${jwt('vnd.backstage.limited-user')}`,
        )
      ).status,
    ).toBe(403);
    expect(
      (await post('/api/catalog/.backstage/scheduler/v1/tasks/t/trigger'))
        .status,
    ).toBe(403);
  });

  it('passes services on to the plugin, which verifies their tokens', async () => {
    expect(
      (await post(trigger, `Bearer ${jwt('vnd.backstage.plugin')}`)).status,
    ).toBe(200);
    // An external-access static token is not a JWT.
    expect((await post(trigger, 'Bearer lz-dev-facts-token')).status).toBe(200);
  });

  it('leaves the task list and every other route alone', async () => {
    const list = await fetch(
      `${base}/api/mlops/.backstage/scheduler/v1/tasks`,
      {
        headers: { authorization: `Bearer ${jwt('vnd.backstage.user')}` },
      },
    );
    expect(list.status).toBe(200);
    expect(
      (
        await post(
          '/api/mlops/events/created',
          `Bearer ${jwt('vnd.backstage.user')}`,
        )
      ).status,
    ).toBe(200);
  });
});
