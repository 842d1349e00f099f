import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { mlopsPermissions } from '@landing-zone/plugin-mlops-common';
import { readMlopsBackendConfig } from './config';
import { HistoryStore } from './database/HistoryStore';
import { migrateDatabase } from './database/migrateDatabase';
import { createRouter } from './router/createRouter';
import { importFailedRuns } from './snapshot/readFailedRuns';
import { runSnapshot } from './snapshot/runSnapshot';
import { addDays, dayOf } from './service/stats';

/** The id of the scheduled snapshot task (visible in the scheduler's admin API). */
export const SNAPSHOT_TASK_ID = 'mlops-history-snapshot';

/**
 * The mlops backend plugin: scheduled history snapshots and the scorecard API.
 *
 * @public
 */
export const mlopsPlugin = createBackendPlugin({
  pluginId: 'mlops',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        config: coreServices.rootConfig,
        database: coreServices.database,
        discovery: coreServices.discovery,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const config = readMlopsBackendConfig(deps.config);
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await migrateDatabase(knex);
        }
        const store = new HistoryStore(knex);
        deps.permissionsRegistry.addPermissions(mlopsPermissions);

        // Global scope: the scheduler's database lock lets exactly one replica run it.
        await deps.scheduler.scheduleTask({
          id: SNAPSHOT_TASK_ID,
          scope: 'global',
          ...config.schedule,
          fn: async () => {
            await runSnapshot({
              catalog: deps.catalog,
              credentials: await deps.auth.getOwnServiceCredentials(),
              store,
              config,
              logger: deps.logger,
              levelCount: config.levelNames.length,
            });
            await importFailedRuns({
              discovery: deps.discovery,
              auth: deps.auth,
              store,
              logger: deps.logger,
              // The cutoff retention uses, so deleted runs are not read back in.
              sinceDay: addDays(dayOf(new Date()), -config.retentionDays),
            });
          },
        });

        deps.httpRouter.use(
          await createRouter({
            store,
            config,
            catalog: deps.catalog,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            logger: deps.logger,
          }),
        );
      },
    });
  },
});
