import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import path from 'node:path';
import { LocalGitUrlReader } from './LocalGitUrlReader';

/**
 * The URL reader for `mlops:publish:local`'s repositories, from the same config key as the
 * publisher (`mlops.publish.local.repositoriesDir`, relative to the backend's working
 * directory). Without that key it adds no reader, so production configs are unaffected.
 */
export const localRepositoriesReaderFactory: ReaderFactory = ({
  config,
  treeResponseFactory,
}) => {
  const dir = config.getOptionalString('mlops.publish.local.repositoriesDir');
  if (!dir) return [];
  const reader = new LocalGitUrlReader(path.resolve(dir), treeResponseFactory);
  return [{ reader, predicate: url => reader.predicate(url) }];
};

/**
 * Adds the local repositories reader to Backstage's UrlReaderService, so the repository
 * collector (and any plugin) reads them like GitHub or GitLab:
 * `backend.add(mlopsLocalRepositoriesUrlReader)`.
 *
 * @public
 */
export const mlopsLocalRepositoriesUrlReader = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return localRepositoriesReaderFactory;
  },
});
