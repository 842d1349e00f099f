import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { normalizeTeamRef } from './normalizeTeamRef';

/**
 * The owner must be a Group the catalog holds, as the initiator sees it: otherwise the new
 * entity would be owned by nobody (a typo, a team that was removed, or a namespace the user
 * cannot see). Returns the full, normalised group ref.
 */
export async function requireOwnerGroup(options: {
  actionId: string;
  owner: string;
  catalog: CatalogService;
  credentials: BackstageCredentials;
}): Promise<string> {
  const ref = normalizeTeamRef(options.owner);
  const entity = await options.catalog.getEntityByRef(ref, {
    credentials: options.credentials,
  });
  if (!entity) {
    throw new InputError(
      `Invalid input to ${options.actionId}: owner: expected a Group in the catalog, found no entity "${ref}"`,
    );
  }
  if (entity.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `Invalid input to ${options.actionId}: owner: expected a Group, "${ref}" is a ${entity.kind}`,
    );
  }
  return ref;
}
