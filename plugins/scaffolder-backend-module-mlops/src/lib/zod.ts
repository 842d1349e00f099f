import { z } from 'zod/v3';

/**
 * The zod API the scaffolder hands to an action's schema callbacks (`schema: { input: z => … }`):
 * @backstage/plugin-scaffolder-node builds schemas with `zod/v3` and publishes them as JSON
 * Schema with zod-to-json-schema.
 */
export type Zod = typeof z;

/**
 * The same module, for a handler that parses its input again: the scaffolder only checks the
 * published JSON Schema, which cannot carry refinements, transforms or defaults.
 */
export { z as handlerZod };
