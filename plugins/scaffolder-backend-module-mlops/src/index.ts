/**
 * Scaffolder actions (mlops:*) for the Landing Zone golden paths. The catalog module that lets
 * the catalog read the local publisher's repositories is
 * `@landing-zone/plugin-catalog-backend-module-mlops-local-repositories`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleMlops as default } from './module';
export { readLocalRepositoriesRoot } from './publish/readPublishConfig';
export { createGuardrailsCheckAction } from './actions/guardrails/createGuardrailsCheckAction';
export { createUseCaseManifestAction } from './actions/manifest/createUseCaseManifestAction';
export { createPublishLocalAction } from './actions/publish/createPublishLocalAction';
export { createPublishPlanAction } from './actions/publish/createPublishPlanAction';
export { createRegisterLocalAction } from './actions/register/createRegisterLocalAction';
