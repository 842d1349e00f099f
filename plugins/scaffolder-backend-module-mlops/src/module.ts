import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createGuardrailsCheckAction } from './actions/guardrails/createGuardrailsCheckAction';
import { createUseCaseManifestAction } from './actions/manifest/createUseCaseManifestAction';
import { createPublishLocalAction } from './actions/publish/createPublishLocalAction';
import { createPublishPlanAction } from './actions/publish/createPublishPlanAction';
import { createUseCaseRecordAction } from './actions/record';
import { createRegisterLocalAction } from './actions/register/createRegisterLocalAction';

/**
 * The mlops:* scaffolder actions of the Landing Zone golden paths.
 *
 * @public
 */
export const scaffolderModuleMlops = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'mlops',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        scaffolder: scaffolderActionsExtensionPoint,
      },
      async init({ config, discovery, auth, catalog, scaffolder }) {
        scaffolder.addActions(
          createGuardrailsCheckAction({ config, catalog }),
          createPublishPlanAction({ config }),
          createUseCaseManifestAction(),
          createPublishLocalAction({ config }),
          createRegisterLocalAction({ config, catalog }),
          createUseCaseRecordAction({ discovery, auth }),
        );
      },
    });
  },
});
