/**
 * Landing Zone MLOps backend: maturity history, throughput, lead time and the scorecard API.
 *
 * @packageDocumentation
 */
export { mlopsPlugin as default } from './plugin';
export { mlopsLocalRepositoriesUrlReader } from './facts/collectors/repository/mlopsLocalRepositoriesUrlReader';
