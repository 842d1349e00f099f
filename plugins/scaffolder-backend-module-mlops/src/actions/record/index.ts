export { createUseCaseRecordAction } from './createUseCaseRecordAction';
export type { UseCaseRecordActionOptions } from './createUseCaseRecordAction';
