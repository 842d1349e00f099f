import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'fs-extra';
import git from 'isomorphic-git';
import path from 'node:path';
import { createPublishLocalAction } from './createPublishLocalAction';

describe('mlops:publish:local', () => {
  const root = createMockDirectory();
  const workspace = createMockDirectory();
  const repositoriesDir = path.join(root.path, 'repositories');
  const action = createPublishLocalAction({
    config: mockServices.rootConfig({
      data: {
        mlops: { publish: { target: 'local', local: { repositoriesDir } } },
      },
    }),
  });

  beforeEach(() => {
    root.clear();
    workspace.setContent({
      'catalog-info.yaml': 'kind: Component\n',
      'usecase/train.py': 'print("hi")\n',
      '.git/HEAD': 'ref: refs/heads/other\n',
    });
  });

  const run = (input: Record<string, unknown>, taskId = 'task-1') => {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
      task: { id: taskId },
    } as any);
    return action.handler(ctx as any).then(() => ctx);
  };

  it('commits the workspace into a new git repository on main', async () => {
    const ctx = await run({ name: 'churn-forecast' });
    const dir = path.join(repositoriesDir, 'churn-forecast');
    const [commit] = await git.log({ fs, dir });
    expect(commit.commit.message).toContain('Landing-Zone-Task: task-1');
    expect(await git.currentBranch({ fs, dir })).toBe('main');
    expect((await git.listFiles({ fs, dir })).sort()).toEqual([
      'catalog-info.yaml',
      'usecase/train.py',
    ]);
    expect(ctx.output).toHaveBeenCalledWith('repoPath', dir);
    expect(ctx.output).toHaveBeenCalledWith('commitHash', commit.oid);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      path.join(dir, 'catalog-info.yaml'),
    );
  });

  it('reuses its own repository when the step is retried', async () => {
    await run({ name: 'churn-forecast' });
    const ctx = await run({ name: 'churn-forecast' });
    const dir = path.join(repositoriesDir, 'churn-forecast');
    expect(await git.log({ fs, dir })).toHaveLength(1);
    expect(ctx.output).toHaveBeenCalledWith('repoPath', dir);
    expect(await fs.readdir(repositoriesDir)).toEqual(['churn-forecast']);
  });

  it("never overwrites another run's repository", async () => {
    await run({ name: 'churn-forecast' });
    await expect(run({ name: 'churn-forecast' }, 'task-2')).rejects.toThrow(
      'name: a repository named "churn-forecast" already exists',
    );
    const [commit] = await git.log({
      fs,
      dir: path.join(repositoriesDir, 'churn-forecast'),
    });
    expect(commit.commit.message).toContain('task-1');
  });

  it('refuses symbolic links, which could expose files outside the workspace', async () => {
    await fs.symlink('/etc/passwd', path.join(workspace.path, 'passwd'));
    await expect(run({ name: 'linked' })).rejects.toThrow(
      'sourcePath: the workspace contains a symbolic link at "passwd"',
    );
    expect(await fs.readdir(repositoriesDir)).toEqual([]);
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ name: '../escape' }, /name: expected lowercase letters/],
    [{ name: 'a/b' }, /name: expected lowercase letters/],
    [{ name: '.git' }, /name: expected lowercase letters/],
    [
      { name: 'churn', sourcePath: '../../etc' },
      /sourcePath: expected a path inside the workspace/,
    ],
    [
      { name: 'churn', sourcePath: '/etc' },
      /sourcePath: expected a path inside the workspace/,
    ],
    [
      { name: 'churn', gitCommitMessage: 'x'.repeat(201) },
      /gitCommitMessage: expected at most 200 characters/,
    ],
    [
      { name: 'churn', gitCommitMessage: 'fix\u202e' },
      /gitCommitMessage: expected printable text/,
    ],
  ])('rejects %j without creating anything', async (input, message) => {
    await expect(run(input)).rejects.toThrow(message);
    expect(
      (await fs.pathExists(repositoriesDir))
        ? await fs.readdir(repositoriesDir)
        : [],
    ).toEqual([]);
  });

  it('explains that it needs mlops.publish.local when another target is configured', async () => {
    const github = createPublishLocalAction({
      config: mockServices.rootConfig({
        data: {
          mlops: { publish: { target: 'github', github: { owner: 'acme' } } },
        },
      }),
    });
    await expect(
      github.handler(
        createMockActionContext({ input: { name: 'churn' } as any }),
      ),
    ).rejects.toThrow(
      'mlops:publish:local needs mlops.publish.local in app-config',
    );
  });
});
