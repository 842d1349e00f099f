/**
 * The catalog module that lets the catalog read the repositories published by the Landing Zone
 * local publisher (`mlops:publish:local`), and no other `file` location.
 *
 * @packageDocumentation
 */
export { catalogModuleMlopsLocalRepositories as default } from './module';
export { catalogModuleMlopsLocalRepositories } from './module';
