import { ConfigReader } from '@backstage/config';
import path from 'node:path';
import { readPublishConfig } from './readPublishConfig';

describe('readPublishConfig', () => {
  it('publishes locally into ./var/repositories by default', () => {
    expect(readPublishConfig(new ConfigReader({}))).toEqual({
      target: 'local',
      local: {
        repositoriesDir: path.resolve('var/repositories'),
        defaultBranch: 'main',
      },
      github: undefined,
      gitlab: undefined,
    });
  });

  it('reads a GitHub target without enabling the local publisher', () => {
    const config = readPublishConfig(
      new ConfigReader({
        mlops: { publish: { target: 'github', github: { owner: 'acme-ml' } } },
      }),
    );
    expect(config.target).toBe('github');
    expect(config.github).toEqual({ host: 'github.com', owner: 'acme-ml' });
    expect(config.local).toBeUndefined();
  });

  it('names the key when the target is unknown or incomplete', () => {
    expect(() =>
      readPublishConfig(
        new ConfigReader({ mlops: { publish: { target: 'svn' } } }),
      ),
    ).toThrow(
      'mlops.publish.target must be one of local, github, gitlab, got "svn"',
    );
    expect(() =>
      readPublishConfig(
        new ConfigReader({ mlops: { publish: { target: 'gitlab' } } }),
      ),
    ).toThrow('mlops.publish.gitlab.owner is not configured');
  });
});
