import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';

/**
 * The catalog's cache semantics for one entity: values written in one processing run are read
 * in the next. Neither the catalog nor its test utilities export one.
 */
export function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, unknown>();
  return {
    get: async key => values.get(key) as any,
    set: async (key, value) => {
      values.set(key, value);
    },
  };
}
