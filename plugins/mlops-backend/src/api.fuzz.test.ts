import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { group, mlComponent } from './__testUtils__/entities';
import { mlopsPlugin } from './plugin';

/*
 * Fuzzes the whole API from its OpenAPI document with schemathesis (from PyPI, pinned in
 * fuzz/requirements.txt, installed by scripts/python-venv.sh into a cached venv): valid and
 * invalid requests for every operation, over real HTTP, on PostgreSQL when it is there (it
 * refuses more than SQLite). The one assertion: no response is a server error.
 */
jest.setTimeout(10 * 60_000);

const packageDir = path.resolve(__dirname, '..');
const repoRoot = path.resolve(packageDir, '../..');
/** Per operation and generation mode; about 700 requests in all, ~1 min on this machine. */
const EXAMPLES = Number(process.env.LZ_FUZZ_EXAMPLES ?? 40);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const [databaseId] = databases.eachSupportedId()[0];

function schemathesis(): string {
  const venv = execFileSync(
    'bash',
    [
      path.join(repoRoot, 'scripts/python-venv.sh'),
      path.join(packageDir, 'fuzz/requirements.txt'),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ).trim();
  return path.join(venv, 'bin/st');
}

function run(command: string, args: string[]) {
  return new Promise<{ code: number | null; output: string }>(resolve => {
    const child = spawn(command, args, {
      env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_HOOKS: '' },
    });
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    child.on('close', code => resolve({ code, output }));
  });
}

describe(`the API fuzzed from its OpenAPI document on ${databaseId}`, () => {
  it('never answers with a server error', async () => {
    const st = schemathesis();
    const knex = await databases.init(databaseId);
    const backend = await startTestBackend({
      features: [
        mlopsPlugin,
        mockServices.database.factory({ knex }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        catalogServiceMock.factory({
          entities: [
            group('fraud', 'Fraud'),
            mlComponent('churn', { owner: 'fraud' }),
          ],
        }),
      ],
    });
    const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-fuzz-'));
    try {
      const { port } = backend.server.address() as { port: number };
      // The scaffolder's principal may call every route, so writes are fuzzed past auth.
      const header = mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('plugin:scaffolder'),
        targetPluginId: 'mlops',
      });
      const result = await run(st, [
        'run',
        path.join(packageDir, 'src/schema/openapi.yaml'),
        '--url',
        `http://127.0.0.1:${port}/api/mlops`,
        '--header',
        `Authorization: ${header}`,
        '--checks',
        'not_a_server_error',
        '--mode',
        'all',
        '--max-examples',
        String(EXAMPLES),
        '--seed',
        '13',
        '--workers',
        '1',
        '--report',
        'ndjson',
        '--report-dir',
        reportDir,
      ]);
      const ndjson = fs
        .readdirSync(reportDir)
        .map(f => fs.readFileSync(path.join(reportDir, f), 'utf8'))
        .join('\n');
      const statuses = [...ndjson.matchAll(/"status_code":\s*(\d{3})/g)].map(
        m => Number(m[1]),
      );
      // Printed for the closing note: how many requests, and how many were refused as malformed.
      // eslint-disable-next-line no-console
      console.log(
        `schemathesis: ${statuses.length} responses, ${
          statuses.filter(s => s >= 400 && s < 500).length
        } 4xx, ${statuses.filter(s => s >= 500).length} 5xx`,
      );
      expect({ code: result.code, output: result.output.slice(-4000) }).toEqual(
        expect.objectContaining({ code: 0 }),
      );
      expect(statuses.length).toBeGreaterThan(300);
      expect(statuses.filter(s => s >= 500)).toEqual([]);
    } finally {
      await backend.stop();
      fs.rmSync(reportDir, { recursive: true, force: true });
    }
  });
});
