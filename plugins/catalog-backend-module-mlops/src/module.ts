import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MlopsMaturityProcessor } from './MlopsMaturityProcessor';
import { readMaturityModelFromConfig } from './readMaturityModelFromConfig';

/**
 * Adds the MLOps maturity processor to the catalog. The model comes from app-config
 * `mlops.maturity` merged with the defaults; invalid config fails the start-up.
 *
 * @public
 */
export const catalogModuleMlopsMaturity = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'mlops-maturity',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ catalog, config, logger }) {
        const model = readMaturityModelFromConfig(config);
        catalog.addProcessor(new MlopsMaturityProcessor({ logger, model }));
        logger.info(
          `MLOps maturity model: ${model.levels.length} levels, ${model.checks.length} checks`,
        );
      },
    });
  },
});
