import {
  coreServices,
  createBackendPlugin,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  UrlReaders,
  urlReaderServiceFactory,
} from '@backstage/backend-defaults/urlReader';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import git from 'isomorphic-git';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../../../database/migrateDatabase';
import { FactStore } from '../../FactStore';
import { useCase } from '../../__testUtils__/entities';
import { runCollector } from '../runCollector';
import { createRepositoryCollector } from './createRepositoryCollector';
import {
  localRepositoriesReaderFactory,
  mlopsLocalRepositoriesUrlReader,
} from './mlopsLocalRepositoriesUrlReader';

jest.setTimeout(60_000);

// PostgreSQL is skipped when its server is not configured; CI requires it (LZ_REQUIRE_POSTGRES,
// packages/backend/src/postgres.test.ts), so there these tests run on both.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const author = { name: 'Test', email: 'test@example.com' };

let root: string;

/** A real git repository under the repositories root, as mlops:publish:local leaves one. */
async function commit(
  name: string,
  files: Record<string, string>,
  message = 'change',
) {
  const dir = path.join(root, name);
  if (!fs.existsSync(path.join(dir, '.git'))) {
    fs.mkdirSync(dir, { recursive: true });
    await git.init({ fs, dir, defaultBranch: 'main' });
  }
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
    await git.add({ fs, dir, filepath: file });
  }
  return git.commit({ fs, dir, message, author });
}

function urlReaderFor(dir: string): UrlReaderService {
  const config = new ConfigReader({
    mlops: { publish: { local: { repositoriesDir: dir } } },
  });
  return UrlReaders.default({
    config,
    logger: mockServices.logger.mock(),
    factories: [localRepositoriesReaderFactory],
  });
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-repos-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe.each(databases.eachSupportedId())(
  'repository collector on a local git repository, facts on %p',
  (databaseId: TestDatabaseId) => {
    it('observes the evidence files at the head commit, and skips an unchanged repository', async () => {
      const first = await commit('churn', {
        'catalog-info.yaml': 'kind: Component',
        '.github/workflows/ci.yaml': 'on: push',
        Dockerfile: 'FROM python:3.12',
        'pipeline/training-pipeline.yaml': 'kind: Workflow',
        'tests/test_train.py': 'def test(): pass',
        'docs/model-card.md': '# Model card',
        'usecase/train.py': 'print(1)',
      });
      // Uncommitted files are not at the head commit.
      fs.mkdirSync(path.join(root, 'churn/monitoring'));
      fs.writeFileSync(
        path.join(root, 'churn/monitoring/alerts.yaml'),
        'groups: []',
      );

      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      const store = new FactStore(knex);
      const collector = createRepositoryCollector({
        urlReader: urlReaderFor(root),
      });
      const entities = [
        useCase('churn', {
          'backstage.io/source-location': `file:${root}/churn/`,
        }),
        useCase('by-managed-location', {
          'backstage.io/managed-by-location': `file:${root}/churn/catalog-info.yaml`,
        }),
        useCase('gone', {
          'backstage.io/source-location': `file:${root}/gone/`,
        }),
        // No reader for this host (no integration): not observable here, not a failure.
        useCase('elsewhere', {
          'backstage.io/source-location': 'url:https://github.example.com/o/r/',
        }),
        // Outside the repositories root: the local reader refuses to read it.
        useCase('outside', {
          'backstage.io/source-location': `file:${os.tmpdir()}/`,
        }),
      ];
      const run = () =>
        runCollector({
          collector,
          entities,
          store,
          logger: mockServices.logger.mock(),
          signal: new AbortController().signal,
        });

      expect(await run()).toMatchObject({ ok: true, facts: 3 });
      const [fact] = await store.listFacts('component:default/churn');
      expect(fact).toMatchObject({
        type: 'repository',
        source: 'repository',
        id: `component:default/churn@${first}`,
        data: {
          commit: first,
          files: [
            '.github/workflows/ci.yaml',
            'Dockerfile',
            'docs/model-card.md',
            'pipeline/training-pipeline.yaml',
            'tests/test_train.py',
          ],
          evidence: {
            ci: ['.github/workflows/ci.yaml'],
            container: ['Dockerfile'],
            pipeline: ['pipeline/training-pipeline.yaml'],
            tests: ['tests/test_train.py'],
            modelCard: ['docs/model-card.md'],
            monitoring: [],
          },
        },
      });
      expect(
        (await store.listFacts('component:default/by-managed-location'))[0]
          .data,
      ).toMatchObject({
        commit: first,
      });
      expect(
        (await store.listFacts('component:default/gone'))[0].data,
      ).toMatchObject({ found: false });
      expect(await store.listFacts('component:default/elsewhere')).toEqual([]);
      expect(await store.listFacts('component:default/outside')).toEqual([]);

      // Same head commit: nothing read again, nothing written (only "gone" is re-reported).
      expect(await run()).toMatchObject({ ok: true, facts: 1 });

      // The monitoring rules are committed: a new fact for the new commit.
      const second = await commit('churn', {
        'monitoring/alerts.yaml': 'groups: []',
      });
      await run();
      const timeline = await store.listFacts('component:default/churn');
      expect(timeline.map(f => (f.data as any).commit)).toEqual([
        second,
        first,
      ]);
      expect((timeline[0].data as any).evidence.monitoring).toEqual([
        'monitoring/alerts.yaml',
      ]);
    });

    it('fails the run and stores nothing when reading a repository breaks', async () => {
      await commit('churn', { Dockerfile: 'FROM python' });
      const knex = await databases.init(databaseId);
      await migrateDatabase(knex);
      const store = new FactStore(knex);
      const broken: UrlReaderService = {
        readUrl: jest.fn(),
        search: jest.fn(),
        readTree: jest
          .fn()
          .mockRejectedValue(new Error('connect ETIMEDOUT github.com')),
      };
      const logger = mockServices.logger.mock();
      const result = await runCollector({
        collector: createRepositoryCollector({ urlReader: broken }),
        entities: [
          useCase('churn', {
            'backstage.io/source-location': `file:${root}/churn/`,
          }),
        ],
        store,
        logger,
        signal: new AbortController().signal,
      });
      expect(result).toMatchObject({
        ok: false,
        error: 'connect ETIMEDOUT github.com',
      });
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(await store.listFacts('component:default/churn')).toEqual([]);
      expect((await store.sourceStatuses(['repository']))[0]).toMatchObject({
        lastError: 'connect ETIMEDOUT github.com',
      });
    });

    it('extends the backend UrlReaderService through urlReaderFactoriesServiceRef', async () => {
      const head = await commit('churn', {
        Dockerfile: 'FROM python',
        'README.md': 'hi',
      });
      let read: { etag: string; files: string[] } | undefined;
      const probe = createBackendPlugin({
        pluginId: 'probe',
        register(env) {
          env.registerInit({
            deps: { urlReader: coreServices.urlReader },
            async init({ urlReader }) {
              const tree = await urlReader.readTree(`file://${root}/churn/`);
              read = {
                etag: tree.etag,
                files: (await tree.files()).map(f => f.path).sort(),
              };
            },
          });
        },
      });
      await startTestBackend({
        features: [
          probe,
          urlReaderServiceFactory,
          mlopsLocalRepositoriesUrlReader,
          mockServices.rootConfig.factory({
            data: { mlops: { publish: { local: { repositoriesDir: root } } } },
          }),
        ],
      });
      expect(read).toEqual({ etag: head, files: ['Dockerfile', 'README.md'] });
    });
  },
);
