import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { DEFAULT_ML_TYPES } from '@landing-zone/plugin-mlops-common';
import { demoFactsFor } from './demoFacts';

/** The fact API takes at most this many facts per request. */
const BATCH = 500;

/**
 * Dev only: pushes plausible demo facts (source `demo`, `data.demo: true`) for the demo
 * catalog's ML use cases through the real fact API, as pipelines would, so the entity cards,
 * team pages and overview show every evidence state (observed, stale, contradicted, declared)
 * on a first start. Runs shortly after start-up and twice a day; ids are stable per day, so a
 * repeat changes nothing. Add it only to a development backend.
 *
 * @public
 */
export const mlopsDemoFactsModule = createBackendModule({
  pluginId: 'mlops',
  moduleId: 'demo-facts',
  register(reg) {
    reg.registerInit({
      deps: {
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
      },
      async init({ auth, discovery, logger, scheduler, catalog }) {
        const push = async () => {
          const credentials = await auth.getOwnServiceCredentials();
          const entities: Entity[] = [];
          for await (const page of catalog.streamEntities(
            {
              filter: { kind: 'component', 'spec.type': [...DEFAULT_ML_TYPES] },
            },
            { credentials },
          )) {
            entities.push(...page);
          }
          const now = Date.now();
          // Use cases created in the portal get their facts from their own pipelines
          // (and the e2e tests push theirs); only the demo catalog gets invented ones.
          const facts = entities
            .filter(e => !e.metadata.annotations?.['landingzone.ml/task-id'])
            .flatMap(entity => demoFactsFor(entity, now));
          const baseUrl = await discovery.getBaseUrl('mlops');
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: credentials,
            targetPluginId: 'mlops',
          });
          let accepted = 0;
          for (let i = 0; i < facts.length; i += BATCH) {
            const response = await fetch(`${baseUrl}/facts`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
              },
              body: JSON.stringify({ facts: facts.slice(i, i + BATCH) }),
            });
            if (!response.ok) {
              throw new Error(
                `POST /facts answered ${
                  response.status
                }: ${await response.text()}`,
              );
            }
            accepted += (await response.json()).accepted ?? 0;
          }
          logger.info(
            `Demo facts: ${facts.length} for ${entities.length} use cases (${accepted} new), source "demo"`,
          );
        };
        await scheduler.scheduleTask({
          id: 'mlops-demo-facts',
          scope: 'global',
          frequency: { hours: 12 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 20 },
          fn: push,
        });
      },
    });
  },
});
