export { mlopsApiRef } from './MlopsApi';
export type { MlopsApi, EntityName, Window } from './MlopsApi';
export { MlopsClient } from './MlopsClient';
