/**
 * Scaffolder actions (mlops:*) for the Landing Zone golden paths, and the catalog module that
 * lets the catalog read repositories published by the embedded local publisher.
 *
 * @packageDocumentation
 */
export { scaffolderModuleMlops as default } from './module';
export { catalogModuleMlopsLocalRepositories } from './catalog/catalogModuleMlopsLocalRepositories';
export { createGuardrailsCheckAction } from './actions/guardrails/createGuardrailsCheckAction';
export { createUseCaseManifestAction } from './actions/manifest/createUseCaseManifestAction';
export { createPublishLocalAction } from './actions/publish/createPublishLocalAction';
export { createPublishPlanAction } from './actions/publish/createPublishPlanAction';
export { createRegisterLocalAction } from './actions/register/createRegisterLocalAction';
