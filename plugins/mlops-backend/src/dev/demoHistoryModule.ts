import { createBackendModule } from '@backstage/backend-plugin-api';
import { mlopsHistorySeedersExtensionPoint } from '../snapshot/historySeeders';
import { seedDemoHistory } from './demoHistory';

const SEEDED_KEY = 'demo.seeded';

/**
 * Dev only: seeds a plausible, clearly labelled year of history (every API answer says
 * `demo: true` from then on) for the entities in the catalog on the first snapshot, so every
 * chart of a fresh demo portal has data. Add it only to a development backend; the production
 * snapshot never seeds anything.
 *
 * @public
 */
export const mlopsDemoHistoryModule = createBackendModule({
  pluginId: 'mlops',
  moduleId: 'demo-history',
  register(reg) {
    reg.registerInit({
      deps: { seeders: mlopsHistorySeedersExtensionPoint },
      async init({ seeders }) {
        seeders.addSeeder({
          async seed({ store, useCases, now, logger }) {
            if (await store.getMeta(SEEDED_KEY)) {
              return;
            }
            await seedDemoHistory({ store, useCases, now });
            logger.info(
              `Seeded demo history for ${useCases.length} use cases (mlopsDemoHistoryModule)`,
            );
          },
        });
      },
    });
  },
});
