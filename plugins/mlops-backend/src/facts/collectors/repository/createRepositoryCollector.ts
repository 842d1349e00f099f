import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseLocationRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ECOSYSTEM_ANNOTATIONS,
  FACT_LIMITS,
  Fact,
} from '@landing-zone/plugin-mlops-common';
import { FactCollector } from '@landing-zone/plugin-mlops-node';
import { pathToFileURL } from 'node:url';
import { classifyEvidence, isEvidenceFile } from './evidenceFiles';

export const REPOSITORY_COLLECTOR_ID = 'repository';

/**
 * The URL of the entity's repository: `backstage.io/source-location`, else the directory
 * of `backstage.io/managed-by-location`. Locations are `url:<url>` or `file:<path>` (the
 * local publisher's), both turned into a URL the UrlReaderService understands.
 */
export function repositoryUrlOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations[ECOSYSTEM_ANNOTATIONS.sourceLocation];
  const managedBy = annotations[ECOSYSTEM_ANNOTATIONS.managedByLocation];
  for (const [ref, isDirectory] of [
    [source, true],
    [managedBy, false],
  ] as const) {
    if (!ref) continue;
    try {
      const { type, target } = parseLocationRef(ref);
      let url: URL | undefined;
      if (type === 'url') url = new URL(target);
      else if (type === 'file') url = pathToFileURL(target);
      if (!url) continue;
      return (isDirectory ? url : new URL('./', url)).toString();
    } catch {
      continue;
    }
  }
  return undefined;
}

const isError = (error: unknown, name: string) =>
  (error as Error | undefined)?.name === name;

/**
 * The repository collector: which CI workflow, container build, pipeline definition,
 * tests, model card and monitoring rules exist at the head commit of each use case's
 * repository, read through Backstage's UrlReaderService (GitHub/GitLab integrations in
 * production, the local repositories reader in the embedded default).
 *
 * One `repository` fact per entity and commit. A repository that does not exist gives a
 * `found: false` fact; a URL no configured integration reads is skipped; any other read
 * error (the SCM is down) fails the run, which then stores nothing. The commit is
 * the reader's ETag, so an unchanged repository is skipped without reading it again.
 */
export function createRepositoryCollector(options: {
  urlReader: UrlReaderService;
}): FactCollector {
  const etags = new Map<string, string>();
  return {
    id: REPOSITORY_COLLECTOR_ID,
    async collect({ entities, now, signal }) {
      const facts: Fact[] = [];
      for (const entity of entities) {
        const url = repositoryUrlOf(entity);
        if (!url) continue;
        const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
        try {
          const tree = await options.urlReader.readTree(url, {
            etag: etags.get(entityRef),
            filter: isEvidenceFile,
            signal,
          });
          const paths = (await tree.files()).map(f => f.path);
          const { files, evidence } = classifyEvidence(paths);
          const commit = tree.etag || 'unknown';
          etags.set(entityRef, tree.etag);
          facts.push({
            entityRef,
            type: 'repository',
            source: REPOSITORY_COLLECTOR_ID,
            id: `${entityRef}@${commit}`.slice(0, FACT_LIMITS.maxKeyLength),
            observedAt: now.toISOString(),
            data: {
              commit,
              files: files.slice(0, FACT_LIMITS.maxEntries),
              evidence,
              url,
            },
          });
        } catch (error) {
          if (isError(error, 'NotModifiedError')) continue;
          // No reader (integration) handles this URL: the repository cannot be observed
          // here, which says nothing about it and nothing about the source's health.
          if (isError(error, 'NotAllowedError')) continue;
          if (!isError(error, 'NotFoundError')) throw error;
          facts.push({
            entityRef,
            type: 'repository',
            source: REPOSITORY_COLLECTOR_ID,
            id: `${entityRef}/not-found`,
            observedAt: now.toISOString(),
            data: { found: false, url },
          });
        }
      }
      return facts;
    },
  };
}
