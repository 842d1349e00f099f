import {
  createExtensionPoint,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { HistoryStore } from '../database/HistoryStore';
import { CatalogUseCase } from './CatalogUseCase';

/**
 * Writes history the catalog cannot tell (e.g. an invented past for a demo), before a
 * snapshot records what changed. The production snapshot knows none: seeders come only
 * from modules a backend adds, such as the dev-only demo history module.
 */
export interface HistorySeeder {
  seed(options: {
    store: HistoryStore;
    /** The use cases this snapshot read from the catalog. */
    useCases: CatalogUseCase[];
    now: Date;
    logger: LoggerService;
  }): Promise<void>;
}

/** Registers history seeders with the mlops backend plugin. */
export interface MlopsHistorySeedersExtensionPoint {
  addSeeder(seeder: HistorySeeder): void;
}

/**
 * The mlops backend's extension point for history seeders; internal to this package
 * (its one user is `mlopsDemoHistoryModule` in the `/dev` entry point).
 */
export const mlopsHistorySeedersExtensionPoint =
  createExtensionPoint<MlopsHistorySeedersExtensionPoint>({
    id: 'mlops.history-seeders',
  });
