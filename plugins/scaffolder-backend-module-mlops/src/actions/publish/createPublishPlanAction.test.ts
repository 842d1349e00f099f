import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import path from 'node:path';
import { createPublishPlanAction } from './createPublishPlanAction';

async function plan(publish: object, name = 'churn-forecast') {
  const action = createPublishPlanAction({
    config: mockServices.rootConfig({ data: { mlops: { publish } } }),
  });
  const ctx = createMockActionContext({ input: { name } as any });
  await action.handler(ctx);
  return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
}

describe('mlops:publish:plan', () => {
  it('plans a local repository under the repositories root', async () => {
    expect(await plan({ local: { repositoriesDir: '/srv/repos' } })).toEqual({
      target: 'local',
      repoUrl: '',
      sourceLocation: `file:${path.join('/srv/repos', 'churn-forecast')}/`,
    });
  });

  it('gives publish:github its repoUrl and the future source location', async () => {
    expect(
      await plan({ target: 'github', github: { owner: 'acme-ml' } }),
    ).toEqual({
      target: 'github',
      repoUrl: 'github.com?owner=acme-ml&repo=churn-forecast',
      sourceLocation:
        'url:https://github.com/acme-ml/churn-forecast/tree/main/',
    });
  });

  it('gives publish:gitlab a GitLab tree URL', async () => {
    const result = await plan({
      target: 'gitlab',
      gitlab: { host: 'gitlab.internal', owner: 'ml' },
    });
    expect(result.sourceLocation).toBe(
      'url:https://gitlab.internal/ml/churn-forecast/-/tree/main/',
    );
  });

  it('rejects a name that would escape the repositories root', async () => {
    await expect(plan({}, '../../etc')).rejects.toThrow(
      'name: expected lowercase letters',
    );
  });
});
