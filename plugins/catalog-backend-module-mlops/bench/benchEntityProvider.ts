/*
 * A catalog module whose entity provider hands its connection to the benchmark, so the
 * benchmark decides when the entities arrive (and starts its clock then), the way a real
 * provider applies a full mutation after a sync.
 */
import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogProcessingExtensionPoint,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';

export function benchEntityProvider() {
  let connected: (connection: EntityProviderConnection) => void;
  const connection = new Promise<EntityProviderConnection>(resolve => {
    connected = resolve;
  });
  const module = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'bench-entities',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'bench-entities',
            connect: async c => connected(c),
          });
        },
      });
    },
  });
  return {
    module,
    /** Replaces everything the provider owns with these entities, as a full sync does. */
    async provide(entities: Entity[]) {
      await (
        await connection
      ).applyMutation({
        type: 'full',
        entities: entities.map(entity => ({ entity, locationKey: 'bench' })),
      });
    },
  };
}
