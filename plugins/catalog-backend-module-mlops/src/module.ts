import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { createFetchLatestFacts } from './fetchLatestFacts';
import { LatestFactsCache } from './LatestFactsCache';
import { MlopsMaturityProcessor } from './MlopsMaturityProcessor';
import { maturityModelServiceRef } from '@landing-zone/plugin-mlops-node';

/**
 * Adds the MLOps maturity processor to the catalog. The model comes from
 * maturityModelServiceRef (app-config `mlops.maturity` merged with the defaults, parsed once
 * per process and shared with the mlops backend); invalid config fails the start-up.
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
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        scheduler: coreServices.scheduler,
        model: maturityModelServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        discovery,
        auth,
        scheduler,
        model,
      }) {
        const facts = new LatestFactsCache(
          createFetchLatestFacts({ discovery, auth }),
          logger,
        );
        // Local scope: every catalog replica keeps its own copy of the facts.
        await scheduler.scheduleTask({
          id: 'mlops-maturity-facts-refresh',
          scope: 'local',
          frequency: {
            seconds:
              config.getOptionalNumber('mlops.maturity.factsRefreshSeconds') ??
              60,
          },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 5 },
          fn: () => facts.refresh(),
        });
        catalog.addProcessor(
          new MlopsMaturityProcessor({
            logger,
            model,
            facts: ref => facts.factsOf(ref),
          }),
        );
        logger.info(
          `MLOps maturity model: ${model.levels.length} levels, ${model.checks.length} checks`,
        );
      },
    });
  },
});
