/*
 * A stand-in for the mlops backend in the catalog benchmark: a backend plugin with id
 * `mlops` that answers GET /facts/latest with the given facts, so the catalog module's
 * background refresh runs its real HTTP path (discovery, service token, fetch).
 */
import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';

export function benchFactsBackend(facts: ObservedFact[]) {
  return createBackendPlugin({
    pluginId: 'mlops',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          // A plain handler: the module has no router dependency of its own.
          httpRouter.use((req, res, next) => {
            if (req.method !== 'GET' || req.path !== '/facts/latest') {
              next();
              return;
            }
            httpAuth
              .credentials(req, { allow: ['service'] })
              .then(() => res.json({ facts }), next);
          });
        },
      });
    },
  });
}
