/*
 * The Landing Zone portal backend: stock Backstage plugins plus the Landing Zone modules.
 * The order of `backend.add` calls does not matter; the backend resolves dependencies.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mlopsLocalRepositoriesUrlReader } from '@landing-zone/plugin-mlops-backend';
import { schedulerAdminGuard } from './schedulerAdminGuard';

const backend = createBackend();

// Users may not trigger or cancel scheduled tasks (see schedulerAdminGuard.ts).
backend.add(
  rootHttpRouterServiceFactory({
    configure: ({ app, applyDefaults }) => {
      app.use(schedulerAdminGuard);
      applyDefaults();
    },
  }),
);

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// Guest sign-in is for the embedded default only; app-config.production.yaml removes it.
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-gitlab'));

// Landing Zone: maturity annotations on ML entities, the golden-path scaffolder actions (with
// the embedded local publisher and its catalog guard), and the history/scorecard API.
backend.add(import('@landing-zone/plugin-catalog-backend-module-mlops'));
backend.add(import('@landing-zone/plugin-scaffolder-backend-module-mlops'));
backend.add(
  import(
    '@landing-zone/plugin-catalog-backend-module-mlops-local-repositories'
  ),
);
backend.add(import('@landing-zone/plugin-mlops-backend'));
// Dev only: a labelled year of invented history and demo facts (source "demo") for the demo
// catalog, so every chart and evidence state of a fresh portal has data. `yarn start` runs
// with NODE_ENV=development; the production bundle and image run with NODE_ENV=production
// and never load them.
if (process.env.NODE_ENV !== 'production') {
  backend.add(import('@landing-zone/plugin-mlops-backend/dev'));
}
// Lets Backstage's UrlReaderService read mlops:publish:local's repositories (the repository
// fact collector reads them); adds nothing unless mlops.publish.local is configured.
backend.add(mlopsLocalRepositoriesUrlReader);

// A replica whose startup failed (e.g. a stock plugin lost a migration race on a fresh
// database) must not keep serving and scheduling half a backend: Backstage only logs the
// failure and keeps the process alive, so exit and let the orchestrator restart it.
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error('Backend startup failed, exiting:', error);
  process.exit(1);
});
