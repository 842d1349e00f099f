import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import path from 'node:path';
import { defaultRepositoriesDir } from './defaultRepositoriesDir';

export const PUBLISH_TARGETS = ['local', 'github', 'gitlab'] as const;
export type PublishTarget = (typeof PUBLISH_TARGETS)[number];

export interface PublishConfig {
  target: PublishTarget;
  /** Set when `mlops.publish.local` is configured. Absolute. */
  local?: { repositoriesDir: string; defaultBranch: string };
  github?: { host: string; owner: string };
  gitlab?: { host: string; owner: string };
}

/**
 * Reads `mlops.publish`. Without it, the embedded default publishes locally into the user's
 * data directory (see defaultRepositoriesDir); a configured `repositoriesDir` is relative to the
 * backend's working directory.
 */
export function readPublishConfig(config: Config): PublishConfig {
  const publish = config.getOptionalConfig('mlops.publish');
  const target = (publish?.getOptionalString('target') ??
    'local') as PublishTarget;
  if (!PUBLISH_TARGETS.includes(target)) {
    throw new InputError(
      `mlops.publish.target must be one of ${PUBLISH_TARGETS.join(
        ', ',
      )}, got "${target}"`,
    );
  }
  const local = publish?.getOptionalConfig('local');
  const scm = (key: 'github' | 'gitlab', defaultHost: string) => {
    const c = publish?.getOptionalConfig(key);
    return c
      ? {
          host: c.getOptionalString('host') ?? defaultHost,
          owner: c.getString('owner'),
        }
      : undefined;
  };
  const result: PublishConfig = {
    target,
    local:
      local || target === 'local'
        ? {
            repositoriesDir: path.resolve(
              local?.getOptionalString('repositoriesDir') ??
                defaultRepositoriesDir(),
            ),
            defaultBranch: local?.getOptionalString('defaultBranch') ?? 'main',
          }
        : undefined,
    github: scm('github', 'github.com'),
    gitlab: scm('gitlab', 'gitlab.com'),
  };
  if (target !== 'local' && !result[target]) {
    throw new InputError(
      `mlops.publish.target is "${target}" but mlops.publish.${target}.owner is not configured`,
    );
  }
  return result;
}

/**
 * The local publisher's settings for an action that cannot work without them; the error
 * names the missing key and the target that is configured instead.
 */
export function requireLocalPublish(
  actionId: string,
  publish: PublishConfig,
): NonNullable<PublishConfig['local']> {
  if (!publish.local) {
    throw new InputError(
      `${actionId} needs mlops.publish.local in app-config (the configured target is "${publish.target}")`,
    );
  }
  return publish.local;
}

/**
 * The repositories root of the local publisher when `mlops.publish.local` is configured, else
 * undefined: the catalog module widens the catalog to `file` locations inside it only then.
 *
 * @public
 */
export function readLocalRepositoriesRoot(config: Config): string | undefined {
  if (!config.has('mlops.publish.local')) {
    return undefined;
  }
  return readPublishConfig(config).local?.repositoriesDir;
}
