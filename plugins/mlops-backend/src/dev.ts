/**
 * Development-only additions to the mlops backend: not for production backends.
 *
 * @packageDocumentation
 */
export { mlopsDemoHistoryModule as default } from './dev/demoHistoryModule';
export { mlopsDemoHistoryModule } from './dev/demoHistoryModule';
export { mlopsDemoFactsModule } from './dev/demoFactsModule';
