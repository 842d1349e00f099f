import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { maturityModelServiceRef } from '@landing-zone/plugin-mlops-node';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  compileMaturityModel,
  mlopsPermissions,
} from '@landing-zone/plugin-mlops-common';
import { mlopsFactCollectorsExtensionPoint } from '@landing-zone/plugin-mlops-node';
import { readMlopsBackendConfig } from './config';
import { HistoryStore } from './database/HistoryStore';
import { FactCollectorRegistry } from './facts/collectors/FactCollectorRegistry';
import { setUpFacts } from './facts/setUpFacts';
import { migrateDatabase } from './database/migrateDatabase';
import { createLatestFactsRouter } from './evidence/createLatestFactsRouter';
import { readFlowFacts } from './evidence/readFlowFacts';
import { SnapshotLease } from './database/SnapshotLease';
import { createRouter } from './router/createRouter';
import { importFailedRuns } from './snapshot/readFailedRuns';
import { runSnapshot } from './snapshot/runSnapshot';
import {
  HistorySeeder,
  mlopsHistorySeedersExtensionPoint,
} from './snapshot/historySeeders';
import { recordSnapshotFailure } from './snapshot/snapshotStatus';
import { durationMs } from './snapshot/durationMs';
import { runUnderLease, TICK_MS } from './snapshot/runUnderLease';
import { addDays, dayOf } from './service/stats';

/**
 * The id of the scheduled task that marks a snapshot due, on the configured cadence
 * (visible in the scheduler's admin API; triggering it asks for a snapshot now).
 */
export const SNAPSHOT_TASK_ID = 'mlops-history-snapshot';
/** The id of each replica's local task that runs a due snapshot under the lease. */
export const SNAPSHOT_WORKER_TASK_ID = 'mlops-history-snapshot-worker';

/**
 * The mlops backend plugin: scheduled history snapshots and the scorecard API.
 *
 * @public
 */
export const mlopsPlugin = createBackendPlugin({
  pluginId: 'mlops',
  register(env) {
    // Only modules add history seeders (the dev-only demo history); production has none.
    const seeders: HistorySeeder[] = [];
    env.registerExtensionPoint(mlopsHistorySeedersExtensionPoint, {
      addSeeder: seeder => seeders.push(seeder),
    });
    // Backend modules add fact sources here (see @landing-zone/plugin-mlops-node).
    const factCollectors = new FactCollectorRegistry();
    env.registerExtensionPoint(
      mlopsFactCollectorsExtensionPoint,
      factCollectors,
    );
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
        rootLifecycle: coreServices.rootLifecycle,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
        maturityModel: maturityModelServiceRef,
      },
      async init(deps) {
        const config = readMlopsBackendConfig(deps.config, deps.maturityModel);
        const knex = await deps.database.getClient();
        if (!deps.database.migrations?.skip) {
          await migrateDatabase(knex);
        }
        const store = new HistoryStore(knex);
        deps.permissionsRegistry.addPermissions(mlopsPermissions);

        // Facts first: POST /facts parses its larger bodies itself, before the scorecard
        // router's JSON parser (100 kB) would refuse them.
        const facts = await setUpFacts({
          knex,
          rootConfig: deps.config,
          mlTypes: config.mlTypes,
          collectors: factCollectors,
          auth: deps.auth,
          httpAuth: deps.httpAuth,
          permissions: deps.permissions,
          scheduler: deps.scheduler,
          urlReader: deps.urlReader,
          catalog: deps.catalog,
          logger: deps.logger,
        });
        deps.httpRouter.use(facts.router);
        deps.httpRouter.use(
          createLatestFactsRouter({
            facts: facts.store,
            httpAuth: deps.httpAuth,
          }),
        );
        // Snapshots evaluate use cases on their latest facts (see useCaseEvidence.ts).
        const compiled = compileMaturityModel(config.model);

        const snapshot = async () => {
          try {
            await runSnapshot({
              catalog: deps.catalog,
              credentials: await deps.auth.getOwnServiceCredentials(),
              store,
              config,
              logger: deps.logger,
              levelCount: config.levelNames.length,
              seeders,
              evidence: {
                compiled,
                facts: facts.store,
                flow: sinceMs => readFlowFacts(knex, sinceMs),
              },
            });
          } catch (error) {
            await recordSnapshotFailure(store);
            throw error;
          }
          await importFailedRuns({
            discovery: deps.discovery,
            auth: deps.auth,
            store,
            logger: deps.logger,
            // The cutoff retention uses, so deleted runs are not read back in.
            sinceDay: addDays(dayOf(new Date()), -config.retentionDays),
          });
        };

        // Only a replica whose every plugin started takes part in snapshots: the root
        // startup hooks run after all plugins started, never on a replica whose startup
        // failed (which then exits, see packages/backend).
        const lease = new SnapshotLease(knex);
        const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
        const runIfDue = async () => {
          try {
            await runUnderLease({
              lease,
              holder,
              maxRunMs: durationMs(config.schedule.timeout),
              logger: deps.logger,
              run: snapshot,
            });
          } catch (error) {
            deps.logger.error(`mlops snapshot failed: ${error}`);
          }
        };
        deps.rootLifecycle.addStartupHook(async () => {
          // The cadence: the scheduler's global lock lets one replica mark a snapshot due.
          // Marking takes milliseconds, so a replica that dies never holds that lock long.
          // The marking replica then tries at once, without waiting for its next tick.
          await deps.scheduler.scheduleTask({
            id: SNAPSHOT_TASK_ID,
            scope: 'global',
            ...config.schedule,
            timeout: { minutes: 1 },
            fn: async () => {
              await lease.markDue(Date.now());
              void runIfDue();
            },
          });
          // Every replica looks for a due snapshot (one whose holder died, too); the lease
          // lets one run it.
          await deps.scheduler.scheduleTask({
            id: SNAPSHOT_WORKER_TASK_ID,
            scope: 'local',
            frequency: { milliseconds: TICK_MS },
            timeout: config.schedule.timeout,
            fn: runIfDue,
          });
          // A snapshot due now (a fresh database's first) is taken before the backend
          // reports ready, so the first page never shows empty history.
          await runIfDue();
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
