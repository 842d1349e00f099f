import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { MlopsBackendConfig } from '../config';
import { EntityChange, HistoryStore } from '../database/HistoryStore';
import { addDays, dayOf } from '../service/stats';
import { CatalogUseCase } from './CatalogUseCase';
import { seedDemoHistory } from './demoHistory';
import { diffEntity, removal } from './diffEntity';
import { readCatalogUseCases, readTeamTitles } from './readCatalog';
import { refreshRollups } from './refreshRollups';

/** Entities written per transaction. */
const BATCH_SIZE = 500;

export interface SnapshotOptions {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  store: HistoryStore;
  config: MlopsBackendConfig;
  logger: LoggerService;
  levelCount: number;
  now?: Date;
  /** Called after each committed batch; tests use it to simulate a crash. */
  afterBatch?: (batchIndex: number) => Promise<void> | void;
}

export interface SnapshotResult {
  useCases: number;
  changed: number;
  removed: number;
}

async function computeChanges(
  store: HistoryStore,
  useCases: CatalogUseCase[],
  now: string,
): Promise<{ changes: EntityChange[]; removed: number }> {
  const states = await store.getEntityStates();
  // Only new entities take their creation time from the scaffolder; a known one keeps its own.
  const unseen = useCases
    .filter(u => !states.has(u.entityRef))
    .map(u => u.entityRef);
  const createdEvents = await store.getCreatedEvents(unseen);

  const changes: EntityChange[] = [];
  const present = new Set<string>();
  for (const useCase of useCases) {
    present.add(useCase.entityRef);
    const change = diffEntity(
      states.get(useCase.entityRef),
      useCase,
      now,
      createdEvents.get(useCase.entityRef),
    );
    if (change) {
      changes.push(change);
    }
  }
  let removed = 0;
  for (const state of states.values()) {
    if (state.removed_at === null && !present.has(state.entity_ref)) {
      changes.push(removal(state, now));
      removed += 1;
    }
  }
  return { changes, removed };
}

/**
 * One snapshot: read the ML entities from the catalog, record what changed, refresh the
 * rollups, enforce retention. Every write is idempotent or transactional, so running it
 * again after a crash at any point loses and duplicates nothing.
 */
export async function runSnapshot(
  options: SnapshotOptions,
): Promise<SnapshotResult> {
  const { store, config, logger } = options;
  const nowDate = options.now ?? new Date();
  const now = nowDate.toISOString();
  const today = dayOf(nowDate);

  const useCases = await readCatalogUseCases(
    options.catalog,
    options.credentials,
    config.mlTypes,
  );
  const teamTitles = await readTeamTitles(options.catalog, options.credentials);

  if (config.demo && !(await store.getMeta('demo.seeded'))) {
    await seedDemoHistory({
      store,
      useCases,
      now: nowDate,
    });
    logger.info(
      `Seeded demo history for ${useCases.length} use cases (mlops.history.demo is on)`,
    );
  }

  const { changes, removed } = await computeChanges(store, useCases, now);
  for (let i = 0; i * BATCH_SIZE < changes.length; i++) {
    await store.applyChanges(
      changes.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE),
    );
    await options.afterBatch?.(i);
  }

  await refreshRollups({
    store,
    today,
    value: config.value,
    levelCount: options.levelCount,
    teamTitles,
  });
  const deleted = await store.enforceRetention(
    addDays(today, -config.retentionDays),
  );

  const runs = Number((await store.getMeta('snapshot.runs')) ?? '0') + 1;
  await store.setMeta('snapshot.runs', String(runs));
  await store.setMeta('snapshot.lastAt', now);
  logger.info(
    `mlops snapshot: ${useCases.length} use cases, ${
      changes.length
    } changed, ${removed} removed, retention deleted ${JSON.stringify(
      deleted,
    )}`,
  );
  return { useCases: useCases.length, changed: changes.length, removed };
}
