export { mlopsApiRef } from './MlopsApi';
export type { MlopsApi, EntityName } from './MlopsApi';
export { MlopsClient } from './MlopsClient';
