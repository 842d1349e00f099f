import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Refs per catalog request: one request per page, never one per entity. */
const PAGE = 500;

/**
 * The refs among `refs` that the caller may see in the catalog. The catalog is asked with
 * the caller's own credentials, so it applies `catalog.entity.read` as the permission policy
 * decides it (conditional decisions become a filter in its database query): an entity hidden
 * from the caller comes back as null, one request per page of refs.
 */
export async function visibleEntityRefs(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  refs: Iterable<string>,
): Promise<Set<string>> {
  const wanted = [...new Set(refs)];
  const visible = new Set<string>();
  for (let i = 0; i < wanted.length; i += PAGE) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: wanted.slice(i, i + PAGE),
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    for (const entity of items) {
      if (entity) {
        visible.add(stringifyEntityRef(entity));
      }
    }
  }
  return visible;
}
