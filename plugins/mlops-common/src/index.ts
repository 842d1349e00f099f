/**
 * Isomorphic core of Landing Zone: the maturity model, its evaluation, annotation keys,
 * API wire types and permissions. No I/O.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './permissions';
export * from './api';
export * from './maturity';
export * from './facts';
export * from './ecosystemShapes';
