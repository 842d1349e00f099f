/**
 * Catalog module that evaluates the Landing Zone MLOps maturity model on ML entities and
 * writes level, score and failing checks as annotations.
 *
 * @packageDocumentation
 */
export { catalogModuleMlopsMaturity as default } from './module';
export { catalogModuleMlopsMaturity } from './module';
export { MlopsMaturityProcessor } from './MlopsMaturityProcessor';
export { LatestFactsCache } from './LatestFactsCache';
export type { FetchLatestFacts, LatestFactsAnswer } from './LatestFactsCache';
export type { FactsLookup } from './MlopsMaturityProcessor';
