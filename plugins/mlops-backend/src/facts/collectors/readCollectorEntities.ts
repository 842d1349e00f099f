import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** What collectors read: the ref, the type, the owner and the annotations (locations, MLflow). */
const FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.annotations',
  'spec.type',
  'spec.owner',
];

/** The ML use cases of the catalog, page by page, once per collector run. */
export async function readCollectorEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  mlTypes: string[],
): Promise<Entity[]> {
  const entities: Entity[] = [];
  for await (const page of catalog.streamEntities(
    {
      filter: { kind: 'component', 'spec.type': mlTypes },
      fields: FIELDS,
      pageSize: 500,
    },
    { credentials },
  )) {
    entities.push(...page);
  }
  return entities;
}
