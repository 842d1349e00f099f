import { ConfigReader } from '@backstage/config';
import path from 'node:path';
import { defaultRepositoriesDir } from './defaultRepositoriesDir';
import {
  readLocalRepositoriesRoot,
  readPublishConfig,
} from './readPublishConfig';

describe('readPublishConfig', () => {
  it('publishes locally into the data directory by default, outside the working directory', () => {
    const config = readPublishConfig(new ConfigReader({}));
    expect(path.relative(process.cwd(), config.local!.repositoriesDir)).toMatch(
      /^\.\./,
    );
    expect(config).toEqual({
      target: 'local',
      local: {
        repositoriesDir: defaultRepositoriesDir(),
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

  it('resolves a configured repositories root against the working directory', () => {
    const config = new ConfigReader({
      mlops: {
        publish: { local: { repositoriesDir: '../../var/repositories' } },
      },
    });
    expect(readPublishConfig(config).local!.repositoriesDir).toBe(
      path.resolve('../../var/repositories'),
    );
    expect(readLocalRepositoriesRoot(config)).toBe(
      path.resolve('../../var/repositories'),
    );
  });

  it('gives the catalog no root unless mlops.publish.local is configured', () => {
    expect(readLocalRepositoriesRoot(new ConfigReader({}))).toBeUndefined();
  });
});

describe('defaultRepositoriesDir', () => {
  it.each<[NodeJS.Platform, NodeJS.ProcessEnv, string]>([
    ['linux', {}, '/home/ds/.local/share/landing-zone/repositories'],
    ['linux', { XDG_DATA_HOME: '/data' }, '/data/landing-zone/repositories'],
    [
      'darwin',
      {},
      '/home/ds/Library/Application Support/landing-zone/repositories',
    ],
  ])('on %s with %j is %s', (platform, env, expected) => {
    expect(defaultRepositoriesDir(env, platform, '/home/ds')).toBe(expected);
  });
});
