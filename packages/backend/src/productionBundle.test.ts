import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/*
 * The production start the README documents and the image runs: build the bundle, assemble
 * it as packages/backend/Dockerfile does (scripts/production-bundle.sh), start it with the
 * Dockerfile's own CMD on the real PostgreSQL, and ask it for readiness and one API call.
 * Docker itself cannot run on this machine; what the image adds beyond these steps is the
 * base image and its OS packages.
 */
jest.setTimeout(15 * 60_000);

const repoRoot = path.resolve(__dirname, '../../..');
const dockerfile = fs.readFileSync(
  path.join(repoRoot, 'packages/backend/Dockerfile'),
  'utf8',
);
const connectionString =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
const TOKEN = `production-bundle-test-${Math.random().toString(36).slice(2)}`;

/** The instruction's JSON array, e.g. CMD ["node", "packages/backend", ...]. */
function jsonInstruction(name: string): string[] {
  const line = dockerfile.split('\n').find(l => l.startsWith(`${name} [`));
  if (!line) {
    throw new Error(`Dockerfile has no ${name} [...]`);
  }
  return JSON.parse(line.slice(name.length + 1));
}

function envInstruction(name: string): string | undefined {
  const match = dockerfile.match(
    new RegExp(`^ENV ${name}="?([^"\\n]*)"?$`, 'm'),
  );
  return match?.[1];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForReadiness(baseUrl: string, child: ChildProcess) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the backend exited with code ${child.exitCode}`);
    }
    try {
      const response = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      if (response.status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error('the backend did not become ready');
}

describe('the Dockerfile', () => {
  it('copies only files that exist after a build and that its ignore file lets through', () => {
    const ignore = fs
      .readFileSync(
        path.join(repoRoot, 'packages/backend/Dockerfile.dockerignore'),
        'utf8',
      )
      .split('\n')
      .filter(l => l.startsWith('!'))
      .map(l => l.slice(1));
    const sources = dockerfile
      .split('\n')
      .filter(l => l.startsWith('COPY '))
      .flatMap(l =>
        l
          .split(/\s+/)
          .slice(1)
          .filter(word => !word.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(ignore).toContain(source);
    }
    // The bundle's files come from the build (the next test); the rest is in the repo.
    for (const source of sources.filter(s => !s.includes('/dist/'))) {
      expect(fs.existsSync(path.join(repoRoot, source))).toBe(true);
    }
    expect(jsonInstruction('CMD').slice(0, 2)).toEqual([
      'node',
      'packages/backend',
    ]);
  });
});

const describeWithPostgres = connectionString ? describe : describe.skip;

describeWithPostgres('the production bundle on PostgreSQL', () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-production-'));
  const bundleDir = path.join(workDir, 'app');
  const prefix = `lz_prod_${Date.now().toString(36)}_`;
  const pg = new URL(connectionString ?? 'postgresql://localhost');
  let child: ChildProcess | undefined;

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise(resolve => child!.once('exit', resolve));
    }
    const client = new Client({ connectionString });
    await client.connect();
    const { rows } = await client.query(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname}"`);
    }
    await client.end();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('starts with the Dockerfile CMD, becomes ready and serves the API', async () => {
    const build = spawnSync(
      'bash',
      [path.join(repoRoot, 'scripts/production-bundle.sh'), bundleDir],
      {
        cwd: repoRoot,
        env: { ...process.env, NODE_ENV: 'production' },
        encoding: 'utf8',
        timeout: 12 * 60_000,
      },
    );
    expect({ status: build.status, stderr: build.stderr.slice(-3000) }).toEqual(
      expect.objectContaining({ status: 0 }),
    );
    expect(
      fs.existsSync(path.join(bundleDir, 'packages/backend/dist/index.cjs.js')),
    ).toBe(true);

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // What a deployment adds to the two config files: its port, and here an isolated
    // database prefix and an external-access token to make the API call with.
    fs.writeFileSync(
      path.join(workDir, 'test.yaml'),
      JSON.stringify({
        backend: {
          listen: { port },
          database: { prefix },
          auth: {
            externalAccess: [
              { type: 'static', options: { token: TOKEN, subject: 'test' } },
            ],
          },
        },
      }),
    );
    const [command, ...args] = jsonInstruction('CMD');
    child = spawn(
      command,
      [...args, '--config', path.join(workDir, 'test.yaml')],
      {
        cwd: bundleDir,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          NODE_OPTIONS: envInstruction('NODE_OPTIONS') ?? '',
          APP_BASE_URL: baseUrl,
          BACKEND_BASE_URL: baseUrl,
          POSTGRES_HOST: pg.hostname,
          POSTGRES_PORT: pg.port || '5432',
          POSTGRES_USER: decodeURIComponent(pg.username),
          POSTGRES_PASSWORD: decodeURIComponent(pg.password) || 'unused',
          BACKEND_SECRET: `secret-${TOKEN}`,
          LANDING_ZONE_TEMPLATES_URL: `${baseUrl}/no-templates.yaml`,
          LANDING_ZONE_PUBLISH_TARGET: 'github',
          LANDING_ZONE_PUBLISH_OWNER: 'example-org',
        },
      },
    );
    let stderr = '';
    child.stderr!.on('data', chunk => {
      stderr = (stderr + chunk).slice(-5000);
    });

    try {
      await waitForReadiness(baseUrl, child);
    } catch (error) {
      throw new Error(`${error}\n${stderr}`);
    }
    const anonymous = await fetch(`${baseUrl}/api/mlops/overview`);
    expect(anonymous.status).toBe(401);
    const overview = await fetch(`${baseUrl}/api/mlops/overview`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(overview.status).toBe(200);
    expect(await overview.json()).toEqual(
      expect.objectContaining({ demo: false, levelNames: expect.any(Array) }),
    );
  });
});
