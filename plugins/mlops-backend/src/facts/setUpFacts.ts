import {
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { FactCollectorRegistry } from './collectors/FactCollectorRegistry';
import { createMlflowCollector } from './collectors/mlflow/createMlflowCollector';
import { createRepositoryCollector } from './collectors/repository/createRepositoryCollector';
import { readCollectorEntities } from './collectors/readCollectorEntities';
import { runCollector } from './collectors/runCollector';
import { readFactsConfig } from './config/readFactsConfig';
import { FactStore } from './FactStore';
import { runFactRetention } from './retention/runFactRetention';
import { createFactsRouter } from './router/createFactsRouter';

/** Task ids in the scheduler: one per collector, so a slow source never delays another. */
export const collectorTaskId = (id: string) => `mlops-facts-collect-${id}`;
export const FACT_RETENTION_TASK_ID = 'mlops-facts-retention';

/**
 * Everything about facts: the store, the built-in collectors next to those modules added
 * through the extension point, their scheduled runs, retention, and the HTTP routes.
 */
export async function setUpFacts(options: {
  knex: Knex;
  rootConfig: Config;
  mlTypes: string[];
  collectors: FactCollectorRegistry;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  scheduler: SchedulerService;
  urlReader: UrlReaderService;
  catalog: CatalogService;
  logger: LoggerService;
}) {
  const { knex, collectors, catalog, logger, scheduler } = options;
  const config = readFactsConfig(options.rootConfig);
  const store = new FactStore(knex);

  // The built-in sources, next to those that modules added through the extension point.
  if (config.collectors.repository.enabled) {
    collectors.addCollector(
      createRepositoryCollector({ urlReader: options.urlReader }),
    );
  }
  if (config.collectors.mlflow) {
    collectors.addCollector(createMlflowCollector(config.collectors.mlflow));
  }

  for (const collector of collectors.list()) {
    // Global scope: the scheduler's lock lets one replica run each collector.
    await scheduler.scheduleTask({
      id: collectorTaskId(collector.id),
      scope: 'global',
      ...config.collectors.schedule,
      fn: async signal => {
        const credentials = await options.auth.getOwnServiceCredentials();
        const entities = await readCollectorEntities(
          catalog,
          credentials,
          options.mlTypes,
        );
        await runCollector({
          collector,
          entities,
          store,
          logger,
          signal: signal as AbortSignal,
        });
      },
    });
  }

  await scheduler.scheduleTask({
    id: FACT_RETENTION_TASK_ID,
    scope: 'global',
    ...config.retention.schedule,
    fn: async () => {
      await runFactRetention({
        db: knex,
        config: config.retention,
        catalog,
        credentials: await options.auth.getOwnServiceCredentials(),
        logger,
      });
    },
  });

  const router = createFactsRouter({
    store,
    config,
    httpAuth: options.httpAuth,
    permissions: options.permissions,
    catalog,
    logger,
    collectorIds: () => collectors.ids(),
  });
  return { store, router, config };
}
