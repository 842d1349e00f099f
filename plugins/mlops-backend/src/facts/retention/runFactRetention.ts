import { BackstageCredentials, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { chunks } from '../../database/chunks';
import { FactRetentionConfig } from '../config/readFactsConfig';
import { factTypeCode } from '../store/factTypeCodes';

const DAY = 24 * 60 * 60 * 1000;
/** Thinning keeps one routine fact per entity × type per bucket of this many days. */
export const THINNING_BUCKET_DAYS = 30;
/**
 * How long an entity must be missing from the catalog before its facts go. A catalog that
 * is still ingesting after a restart, or a location that fails to read for a day, must not
 * wipe evidence.
 */
export const MISSING_GRACE_DAYS = 7;
const DELETE_BATCH = 20_000;
const WATERMARK_KEY = 'facts.thinnedBefore';

export interface FactRetentionResult {
  removedEntities: number;
  expired: number;
  thinned: number;
}

/** Repeats a bounded delete until it deletes nothing: no transaction holds millions of rows. */
async function deleteInBatches(db: Knex, selectIds: () => Knex.QueryBuilder) {
  let total = 0;
  for (;;) {
    const deleted = await db('mlops_facts')
      .whereIn('id', db.select('id').from(selectIds().limit(DELETE_BATCH).as('doomed')))
      .delete();
    total += deleted;
    if (deleted < DELETE_BATCH) return total;
  }
}

/** Entities gone from the catalog for longer than the grace period lose their facts. */
async function removeMissingEntities(
  db: Knex,
  catalog: CatalogService,
  credentials: BackstageCredentials,
  now: number,
): Promise<number> {
  const entities: Array<{ id: number; entity_ref: string; missing_since: unknown }> =
    await db('mlops_fact_entities').select('id', 'entity_ref', 'missing_since');
  const present: number[] = [];
  const missing: number[] = [];
  for (const batch of chunks(entities, 500)) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: batch.map(e => e.entity_ref), fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    batch.forEach((e, i) => (items[i] ? present : missing).push(e.id));
  }
  for (const ids of chunks(present)) {
    await db('mlops_fact_entities').whereIn('id', ids).whereNotNull('missing_since')
      .update({ missing_since: null });
  }
  for (const ids of chunks(missing)) {
    await db('mlops_fact_entities').whereIn('id', ids).whereNull('missing_since')
      .update({ missing_since: now });
  }
  const gone = (
    await db('mlops_fact_entities')
      .where('missing_since', '<', now - MISSING_GRACE_DAYS * DAY)
      .select('id')
  ).map(row => Number(row.id));
  for (const ids of chunks(gone)) {
    await db('mlops_fact_latest').whereIn('entity_id', ids).delete();
    await deleteInBatches(db, () => db('mlops_facts').whereIn('entity_id', ids).select('id'));
    await db('mlops_fact_entities').whereIn('id', ids).delete();
  }
  return gone.length;
}

const notLatest = (db: Knex) =>
  db('mlops_fact_latest as l').select(db.raw('1')).whereRaw('l.fact_id = f.id');

/**
 * Bounds fact storage (see migrations/20261201200000_facts.js):
 * 1. facts of entities missing from the catalog for MISSING_GRACE_DAYS are deleted;
 * 2. history older than the type's retention days is deleted;
 * 3. routine observations older than `detailDays` are thinned to the newest per entity ×
 *    type × 30 days, keeping notable ones (breached drift, failed CI or evaluation).
 * The latest fact per entity × type × slot survives 2 and 3 while its entity exists.
 */
export async function runFactRetention(options: {
  db: Knex;
  config: FactRetentionConfig;
  catalog?: CatalogService;
  credentials?: BackstageCredentials;
  logger: LoggerService;
  now?: Date;
}): Promise<FactRetentionResult> {
  const { db, config, logger } = options;
  const now = (options.now ?? new Date()).getTime();
  const removedEntities =
    options.catalog && options.credentials
      ? await removeMissingEntities(db, options.catalog, options.credentials, now)
      : 0;

  let expired = 0;
  for (const [type, days] of Object.entries(config.days)) {
    expired += await deleteInBatches(db, () =>
      db('mlops_facts as f')
        .select('f.id')
        .where('f.type', factTypeCode(type as any))
        .where('f.observed_at', '<', now - days * DAY)
        .whereNotExists(notLatest(db)),
    );
  }

  const detailCutoff = now - config.detailDays * DAY;
  const watermark = await db('mlops_meta').where({ key: WATERMARK_KEY }).first('value');
  // Facts arrive late (a pipeline replaying a month): re-thin one bucket behind the mark.
  const from = watermark ? Number(watermark.value) - THINNING_BUCKET_DAYS * DAY : 0;
  const bucket = THINNING_BUCKET_DAYS * DAY;
  let thinned = 0;
  for (const type of config.thinnedTypes) {
    thinned += await deleteInBatches(db, () =>
      db
        .select('ranked.id')
        .from(
          db('mlops_facts as f')
            .select(
              'f.id',
              db.raw(
                `row_number() over (partition by f.entity_id, f.observed_at / ${bucket} order by f.observed_at desc, f.id desc) as rn`,
              ),
            )
            .where('f.type', factTypeCode(type))
            .where('f.observed_at', '>=', from)
            .where('f.observed_at', '<', detailCutoff)
            .whereRaw('not f.notable')
            .whereNotExists(notLatest(db))
            .as('ranked'),
        )
        .where('ranked.rn', '>', 1),
    );
  }
  await db('mlops_meta')
    .insert({ key: WATERMARK_KEY, value: String(detailCutoff) })
    .onConflict('key')
    .merge();
  logger.info(
    `mlops: fact retention removed ${removedEntities} missing entities, ${expired} expired and ${thinned} thinned facts`,
  );
  return { removedEntities, expired, thinned };
}
