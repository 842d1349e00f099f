export * from './types';
export { validateFactBatch } from './validateFactBatch';
export type { FactBatchValidation } from './validateFactBatch';
