/**
 * Development-only additions to the mlops backend: not for production backends.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { mlopsDemoFactsModule } from './dev/demoFactsModule';
import { mlopsDemoHistoryModule } from './dev/demoHistoryModule';

export { mlopsDemoFactsModule, mlopsDemoHistoryModule };

/**
 * Every dev-only module at once, for `backend.add(import('@landing-zone/plugin-mlops-backend/dev'))`.
 * One default export: a dynamic import of this CommonJS entry exposes only `default`, so a
 * named export picked from it in `backend.add(import(...).then(...))` is undefined.
 *
 * @public
 */
export default createBackendFeatureLoader({
  loader() {
    return [mlopsDemoHistoryModule, mlopsDemoFactsModule];
  },
});
