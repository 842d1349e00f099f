import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { MlopsBackendConfig } from '../config';
import { EntityChange, HistoryStore } from '../database/HistoryStore';
import { addDays, dayOf } from '../service/stats';
import { CatalogUseCase } from './CatalogUseCase';
import { HistorySeeder } from './historySeeders';
import { diffEntity, removal } from './diffEntity';
import { readCatalogUseCases, readTeamTitles } from './readCatalog';
import { refreshRollups } from './refreshRollups';
import { UseCaseEvidence } from './useCaseEvidence';
import { LAST_SUCCESS_KEY } from './snapshotStatus';
import { findUnstorableField } from './unstorableField';

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
  /** Evaluate on facts (facts-evaluation); without it the processor's annotations count. */
  evidence?: UseCaseEvidence;
  /** History seeders added by modules (the dev-only demo history); none in production. */
  seeders?: HistorySeeder[];
  /** Called after each committed batch; tests use it to simulate a crash. */
  afterBatch?: (batchIndex: number) => Promise<void> | void;
}

export interface SnapshotResult {
  useCases: number;
  changed: number;
  removed: number;
  /** Entities left out of this snapshot because a value of theirs cannot be stored. */
  skipped: number;
}

/**
 * Leaves out the use cases whose values the tables cannot hold, each with a warning that
 * names the entity and the field, so one bad entity never stops the others' history.
 */
function storableUseCases(
  useCases: CatalogUseCase[],
  levelCount: number,
  logger: LoggerService,
): { storable: CatalogUseCase[]; skippedRefs: string[] } {
  const storable: CatalogUseCase[] = [];
  const skippedRefs: string[] = [];
  for (const useCase of useCases) {
    const problem = findUnstorableField(useCase, levelCount);
    if (problem) {
      skippedRefs.push(useCase.entityRef);
      logger.warn(
        `mlops snapshot: skipped ${JSON.stringify(useCase.entityRef)}: ${
          problem.field
        } must be ${problem.expected}`,
      );
    } else {
      storable.push(useCase);
    }
  }
  return { storable, skippedRefs };
}

/**
 * Writes the changes batch by batch. A batch the database refuses is written again one
 * entity at a time, so only the entity at fault is skipped (with a warning naming it);
 * returns the refs of the skipped ones. When no entity of a batch can be written the fault
 * is the database's, not an entity's: the snapshot fails.
 */
async function applyIsolated(
  options: SnapshotOptions,
  changes: EntityChange[],
): Promise<string[]> {
  const skipped: string[] = [];
  for (let i = 0; i * BATCH_SIZE < changes.length; i++) {
    const batch = changes.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE);
    try {
      await options.store.applyChanges(batch);
    } catch (batchError) {
      const refused: Array<{ ref: string; error: unknown }> = [];
      for (const change of batch) {
        try {
          await options.store.applyChanges([change]);
        } catch (error) {
          refused.push({ ref: change.row.entity_ref, error });
        }
      }
      if (refused.length === batch.length && batch.length > 1) {
        throw batchError;
      }
      for (const { ref, error } of refused) {
        skipped.push(ref);
        options.logger.warn(
          `mlops snapshot: skipped ${JSON.stringify(
            ref,
          )}: the database refused it: ${String(error)}`,
        );
      }
    }
    await options.afterBatch?.(i);
  }
  return skipped;
}

async function computeChanges(
  store: HistoryStore,
  useCases: CatalogUseCase[],
  now: string,
  /** In the catalog but not recorded this time: not removed either. */
  skippedRefs: string[],
): Promise<{ changes: EntityChange[]; removed: number }> {
  const states = await store.getEntityStates();
  // Only new entities take their creation time from the scaffolder; a known one keeps its own.
  const unseen = useCases
    .filter(u => !states.has(u.entityRef))
    .map(u => u.entityRef);
  const createdEvents = await store.getCreatedEvents(unseen);

  const changes: EntityChange[] = [];
  const present = new Set<string>(skippedRefs);
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

  const { storable: useCases, skippedRefs } = storableUseCases(
    await readCatalogUseCases(
      options.catalog,
      options.credentials,
      config.mlTypes,
      options.evidence && { now: nowDate, ...options.evidence },
    ),
    options.levelCount,
    logger,
  );
  const teamTitles = await readTeamTitles(options.catalog, options.credentials);

  for (const seeder of options.seeders ?? []) {
    await seeder.seed({ store, useCases, now: nowDate, logger });
  }

  const { changes, removed } = await computeChanges(
    store,
    useCases,
    now,
    skippedRefs,
  );
  const refused = await applyIsolated(options, changes);
  const skipped = skippedRefs.length + refused.length;

  await refreshRollups({
    store,
    today,
    value: config.value,
    levelCount: options.levelCount,
    teamTitles,
    // A year back: the longest window a summary covers.
    flow: await options.evidence?.flow?.(nowDate.getTime() - 366 * 86_400_000),
  });
  const deleted = await store.enforceRetention(
    addDays(today, -config.retentionDays),
  );

  const runs = Number((await store.getMeta('snapshot.runs')) ?? '0') + 1;
  await store.setMeta('snapshot.runs', String(runs));
  await store.setMeta(LAST_SUCCESS_KEY, now);
  logger.info(
    `mlops snapshot: ${useCases.length} use cases, ${
      changes.length
    } changed, ${removed} removed, ${skipped} skipped, retention deleted ${JSON.stringify(
      deleted,
    )}`,
  );
  return {
    useCases: useCases.length,
    changed: changes.length - refused.length,
    removed,
    skipped,
  };
}
