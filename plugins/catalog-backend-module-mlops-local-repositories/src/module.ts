import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { readLocalRepositoriesRoot } from '@landing-zone/plugin-scaffolder-backend-module-mlops';
import { LocalRepositoriesLocationGuard } from './LocalRepositoriesLocationGuard';

/**
 * Lets the catalog register repositories published by `mlops:publish:local`. Only when the
 * local publisher is configured does it allow `file` locations next to `url`, and then only
 * inside the repositories root (see LocalRepositoriesLocationGuard). Production configs that
 * publish to GitHub/GitLab keep the catalog at `url` only.
 *
 * @public
 */
export const catalogModuleMlopsLocalRepositories = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'mlops-local-repositories',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        locations: catalogLocationsExtensionPoint,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, locations, processing }) {
        // The scaffolder module owns mlops.publish; this module only follows its root.
        const repositoriesDir = readLocalRepositoriesRoot(config);
        if (!repositoriesDir) {
          return;
        }
        const configFileLocations = (
          config.getOptionalConfigArray('catalog.locations') ?? []
        )
          .filter(location => location.getString('type') === 'file')
          .map(location => location.getString('target'));
        locations.setAllowedLocationTypes(['url', 'file']);
        processing.addProcessor(
          new LocalRepositoriesLocationGuard(
            repositoriesDir,
            configFileLocations,
          ),
        );
        logger.info(
          `Catalog accepts file locations inside ${repositoriesDir} (mlops.publish.local)`,
        );
      },
    });
  },
});
