import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  MaturityModel,
  parseMaturityModelConfig,
} from '@landing-zone/plugin-mlops-common';

/**
 * The maturity model of this portal: app-config `mlops.maturity` merged with the default
 * model, parsed and validated once per backend process.
 *
 * Why a root service: the catalog processor and the mlops backend both evaluate with the
 * model and usually run in the same process. Each reading the config itself parsed it twice
 * (and let the two drift); fetching it from the mlops backend's `GET /model` would make the
 * catalog wait on another plugin at start-up and fail when that plugin is not installed. A
 * root service is created once, on first use, and shared by every plugin in the process;
 * the mlops backend serves this same value to the frontend.
 *
 * @public
 */
export const maturityModelServiceRef = createServiceRef<MaturityModel>({
  id: 'landingzone.mlops.maturity-model',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      // An invalid model fails the start-up with a message naming the key, e.g.
      // `mlops.maturity.checks[3].condition: ...`.
      factory: ({ config }) =>
        parseMaturityModelConfig(config.getOptional('mlops.maturity')),
    }),
});
