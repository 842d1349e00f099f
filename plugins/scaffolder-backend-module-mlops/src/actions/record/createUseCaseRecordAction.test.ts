import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { createUseCaseRecordAction } from './createUseCaseRecordAction';

/** A stand-in for the mlops backend that speaks its protocol and remembers task ids. */
function startMlopsStandIn() {
  const requests: Array<{ auth?: string; body: any }> = [];
  const seen = new Set<string>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', chunk => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw);
      requests.push({ auth: req.headers.authorization, body });
      if (req.url !== '/api/mlops/events/created' || !body.taskId) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'taskId is required' } }));
        return;
      }
      const recorded = !seen.has(body.taskId);
      seen.add(body.taskId);
      res.writeHead(recorded ? 201 : 200, {
        'content-type': 'application/json',
      });
      res.end(JSON.stringify({ recorded }));
    });
  });
  return new Promise<{
    baseUrl: string;
    requests: typeof requests;
    close: () => void;
  }>(resolve =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://127.0.0.1:${port}/api/mlops`,
        requests,
        close: () => server.close(),
      });
    }),
  );
}

describe('mlops:usecase:record', () => {
  let standIn: Awaited<ReturnType<typeof startMlopsStandIn>>;
  beforeEach(async () => {
    standIn = await startMlopsStandIn();
  });
  afterEach(() => standIn.close());

  function action() {
    return createUseCaseRecordAction({
      discovery: {
        getBaseUrl: async (pluginId: string) =>
          pluginId === 'mlops' ? standIn.baseUrl : 'http://wrong.invalid',
        getExternalBaseUrl: async () => standIn.baseUrl,
      },
      auth: mockServices.auth(),
    });
  }

  it('posts the task id with a service token, once per task', async () => {
    const ctx = createMockActionContext({
      input: {
        entityRef: 'component:default/churn',
        templateRef: 'template:default/ml-model',
        teamRef: 'group:default/fraud',
      },
      task: { id: 'task-42' },
    });
    await action().handler(ctx);
    await action().handler(ctx);

    expect(standIn.requests.map(r => r.body)).toEqual([
      {
        taskId: 'task-42',
        entityRef: 'component:default/churn',
        templateRef: 'template:default/ml-model',
        teamRef: 'group:default/fraud',
      },
      expect.objectContaining({ taskId: 'task-42' }),
    ]);
    expect(standIn.requests[0].auth).toMatch(/^Bearer .+/);
    expect(standIn.requests[0].auth).toContain('mlops');
    expect(ctx.output).toHaveBeenNthCalledWith(1, 'recorded', true);
    expect(ctx.output).toHaveBeenNthCalledWith(2, 'recorded', false);
  });

  it('fails the step with the backend message when the backend refuses', async () => {
    const ctx = createMockActionContext({
      input: { entityRef: 'component:default/churn' },
      task: { id: '' },
    });
    await expect(action().handler(ctx)).rejects.toThrow(
      /HTTP 400.*taskId is required/,
    );
  });

  it('declares entityRef required and shaped kind:namespace/name', () => {
    const schema = action().schema?.input as any;
    expect(schema.required).toEqual(['entityRef']);
    const pattern = new RegExp(schema.properties.entityRef.pattern);
    expect(pattern.test('component:default/churn')).toBe(true);
    expect(pattern.test('churn')).toBe(false);
    expect(schema.additionalProperties).toBe(false);
  });
});
