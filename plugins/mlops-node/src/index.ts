/**
 * Node library of the Landing Zone MLOps plugins: the mlops backend's extension points and
 * what backend plugins and modules share.
 *
 * @packageDocumentation
 */
export { mlopsFactCollectorsExtensionPoint } from './collectors';
export type {
  FactCollector,
  FactCollectorContext,
  MlopsFactCollectorsExtensionPoint,
} from './collectors';
export { maturityModelServiceRef } from './maturityModelService';
