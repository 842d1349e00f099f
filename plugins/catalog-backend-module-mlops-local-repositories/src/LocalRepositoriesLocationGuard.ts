import { isChildPath } from '@backstage/backend-plugin-api';
import { Entity, stringifyLocationRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { CatalogProcessor, LocationSpec } from '@backstage/plugin-catalog-node';
import path from 'node:path';

/**
 * Makes sure that widening the catalog to `file` locations only lets it read the local
 * repositories: a `file` Location entity is processed only when its target lies inside the
 * repositories root, or when it comes from a `file` location the operator put in app-config
 * (`catalog.locations`, e.g. the templates). Anything else fails pre-processing, before the
 * catalog reads the target.
 */
export class LocalRepositoriesLocationGuard implements CatalogProcessor {
  private readonly trustedOrigins: Set<string>;

  constructor(
    private readonly repositoriesRoot: string,
    configFileLocations: string[],
  ) {
    this.trustedOrigins = new Set(
      configFileLocations.map(target =>
        stringifyLocationRef({ type: 'file', target: path.resolve(target) }),
      ),
    );
  }

  getProcessorName(): string {
    return 'MlopsLocalRepositoriesLocationGuard';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    _emit: unknown,
    originLocation: LocationSpec,
  ): Promise<Entity> {
    // A Location without spec.type inherits the type of the location it was read from.
    const type = entity.spec?.type ?? location.type;
    if (entity.kind !== 'Location' || type !== 'file') {
      return entity;
    }
    if (this.trustedOrigins.has(stringifyLocationRef(originLocation))) {
      return entity;
    }
    // Relative targets are relative to the file the Location entity was read from.
    const base =
      location.type === 'file' ? path.dirname(location.target) : process.cwd();
    for (const target of this.fileTargets(entity)) {
      if (!isChildPath(this.repositoriesRoot, path.resolve(base, target))) {
        throw new NotAllowedError(
          `file location ${target} is outside the local repositories root ${this.repositoriesRoot}; only locations from app-config or inside that root are read`,
        );
      }
    }
    return entity;
  }

  private fileTargets(entity: Entity): string[] {
    const spec = entity.spec as
      | { target?: unknown; targets?: unknown }
      | undefined;
    const targets = [
      ...(typeof spec?.target === 'string' ? [spec.target] : []),
      ...(Array.isArray(spec?.targets) ? spec!.targets : []),
    ];
    return targets.filter((t): t is string => typeof t === 'string');
  }
}
