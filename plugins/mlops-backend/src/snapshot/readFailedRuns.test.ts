import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { HistoryStore } from '../database/HistoryStore';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  FAILED_RUNS_PAGE,
  importFailedRuns,
  readFailedRuns,
} from './readFailedRuns';

jest.setTimeout(60_000);

const goldenPathSteps = [
  { id: 'guardrails', action: 'mlops:guardrails:check' },
  { id: 'record', action: 'mlops:usecase:record' },
];

const tasks = [
  {
    id: 'task-failed-1',
    status: 'failed',
    createdAt: '2026-11-20T10:00:00.000Z',
    spec: {
      templateInfo: { entityRef: 'template:default/batch-training' },
      parameters: { name: 'churn-forecast' },
      steps: goldenPathSteps,
    },
  },
  {
    // A template that is not a golden path: no use-case name.
    id: 'task-failed-2',
    status: 'failed',
    createdAt: '2026-11-20T11:00:00.000Z',
    spec: { templateInfo: { entityRef: 'template:default/docs-site' } },
  },
  {
    // A name parameter alone does not make a golden path: it never records a use case.
    id: 'task-failed-3',
    status: 'failed',
    createdAt: '2026-11-20T12:00:00.000Z',
    spec: {
      templateInfo: { entityRef: 'template:default/node-service' },
      parameters: { name: 'checkout-api' },
      steps: [{ id: 'publish', action: 'publish:github' }],
    },
  },
  {
    // Failed because its name is none the catalog takes (too long, a NUL): no use case,
    // and nothing PostgreSQL would refuse to store.
    id: 'task-failed-bad-name',
    status: 'failed',
    createdAt: '2026-11-20T13:00:00.000Z',
    spec: {
      templateInfo: { entityRef: 'template:default/batch-training' },
      parameters: { name: `${'n'.repeat(300)}\u0000` },
      steps: goldenPathSteps,
    },
  },
  {
    // Older than the retention cutoff: retention already deleted it once.
    id: 'task-failed-old',
    status: 'failed',
    createdAt: '2024-01-02T09:00:00.000Z',
    spec: {
      templateInfo: { entityRef: 'template:default/batch-training' },
      parameters: { name: 'old-forecast' },
      steps: goldenPathSteps,
    },
  },
];

/** The retention cutoff the tests pass; task-failed-old lies before it. */
const sinceDay = '2025-11-23';

/**
 * A stand-in for the scaffolder's task list at the HTTP edge. The real scaffolder is covered
 * end to end by e2e/guardrail-violation.spec.ts, which fails a run and finds it counted.
 */
function startScaffolderStandIn(status = 200) {
  const requests: Array<{ url?: string; auth?: string }> = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url, auth: req.headers.authorization });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        status === 200
          ? { tasks, totalTasks: tasks.length }
          : { error: { name: 'NotAllowedError', message: 'not allowed' } },
      ),
    );
  });
  return new Promise<{
    baseUrl: string;
    requests: typeof requests;
    close: () => void;
  }>(resolve =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://127.0.0.1:${port}/api/scaffolder`,
        requests,
        close: () => server.close(),
      });
    }),
  );
}

const discoveryFor = (baseUrl: string) => ({
  getBaseUrl: async (pluginId: string) =>
    pluginId === 'scaffolder' ? baseUrl : 'http://wrong.invalid',
  getExternalBaseUrl: async () => baseUrl,
});

describe('failed template runs from the scaffolder', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('asks for the newest failed tasks with a service token and keeps golden-path runs', async () => {
    const standIn = await startScaffolderStandIn();
    try {
      const runs = await readFailedRuns({
        discovery: discoveryFor(standIn.baseUrl),
        auth: mockServices.auth(),
        sinceDay,
      });
      expect(runs).toEqual([
        {
          task_id: 'task-failed-1',
          entity_ref: 'component:default/churn-forecast',
          template_ref: 'template:default/batch-training',
          outcome: 'failed',
          at: '2026-11-20T10:00:00.000Z',
        },
      ]);
      const url = new URL(standIn.requests[0].url!, 'http://x');
      expect(url.pathname).toBe('/api/scaffolder/v2/tasks');
      expect(url.searchParams.get('status')).toBe('failed');
      expect(url.searchParams.get('order')).toBe('desc:created_at');
      expect(url.searchParams.get('limit')).toBe(String(FAILED_RUNS_PAGE));
      expect(standIn.requests[0].auth).toMatch(/^Bearer .+/);
    } finally {
      standIn.close();
    }
  });

  it('records each failed run once, however often a snapshot sees it', async () => {
    const standIn = await startScaffolderStandIn();
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const store = new HistoryStore(knex);
    const options = {
      discovery: discoveryFor(standIn.baseUrl),
      auth: mockServices.auth(),
      store,
      logger: mockServices.logger.mock(),
      sinceDay,
    };
    try {
      expect(await importFailedRuns(options)).toBe(1);
      expect(await importFailedRuns(options)).toBe(0);
      expect(await store.countTemplateRuns()).toEqual([
        {
          templateRef: 'template:default/batch-training',
          outcome: 'failed',
          runs: 1,
        },
      ]);
      // A failed run created nothing, so it is no event in that name's history.
      expect(
        await store.listEvents('component:default/churn-forecast'),
      ).toEqual([]);
    } finally {
      standIn.close();
    }
  });

  it('warns and records nothing when the scaffolder refuses', async () => {
    const standIn = await startScaffolderStandIn(403);
    const knex = await databases.init('SQLITE_3');
    await migrateDatabase(knex);
    const store = new HistoryStore(knex);
    const logger = mockServices.logger.mock();
    try {
      expect(
        await importFailedRuns({
          discovery: discoveryFor(standIn.baseUrl),
          auth: mockServices.auth(),
          store,
          logger,
          sinceDay,
        }),
      ).toBe(0);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('could not read failed template runs'),
      );
      expect(await store.countTemplateRuns()).toEqual([]);
    } finally {
      standIn.close();
    }
  });
});
