import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { chunks } from '../../database/chunks';
import { FactRetentionConfig } from '../config/readFactsConfig';
import { recordLatestRemoval } from '../store/factRemovals';
import { factTypeCode } from '../store/factTypeCodes';

const DAY = 24 * 60 * 60 * 1000;
/**
 * How long an entity must be missing from the catalog before its facts go. A catalog that
 * is still ingesting after a restart, or a location that fails to read for a day, must not
 * wipe evidence.
 */
export const MISSING_GRACE_DAYS = 7;
const DELETE_BATCH = 20_000;
const WATERMARK_KEY = 'facts.thinnedBefore';
const DELETED_KEY = 'facts.deletedSinceReindex';

async function readMeta(db: Knex, key: string): Promise<string | undefined> {
  return (await db('mlops_meta').where({ key }).first('value'))?.value;
}

async function writeMeta(db: Knex, key: string, value: string) {
  await db('mlops_meta').insert({ key, value }).onConflict('key').merge();
}

/**
 * PostgreSQL never merges half-empty b-tree pages, and thinning leaves one survivor in
 * thirty scattered over every page of the id and key indexes: measured, the indexes grew
 * to several times the table (bench/facts). Once retention has deleted more rows than the
 * table holds, the indexes are rebuilt without blocking writes. SQLite merges underfull
 * pages itself.
 */
async function reindexWhenSparse(db: Knex, deleted: number): Promise<boolean> {
  if (db.client.config.client !== 'pg') return false;
  const total = Number((await readMeta(db, DELETED_KEY)) ?? 0) + deleted;
  const [{ n }] = await db('mlops_facts').count({ n: '*' });
  if (total <= Math.max(Number(n), 10_000)) {
    await writeMeta(db, DELETED_KEY, String(total));
    return false;
  }
  await db.raw('reindex table concurrently mlops_facts');
  await writeMeta(db, DELETED_KEY, '0');
  return true;
}

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
      .whereIn(
        'id',
        db.select('id').from(selectIds().limit(DELETE_BATCH).as('doomed')),
      )
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
  const entities: Array<{
    id: number;
    entity_ref: string;
    missing_since: unknown;
  }> = await db('mlops_fact_entities').select(
    'id',
    'entity_ref',
    'missing_since',
  );
  const present: number[] = [];
  const missing: number[] = [];
  for (const batch of chunks(entities, 500)) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: batch.map(e => e.entity_ref),
        fields: ['kind', 'metadata.name'],
      },
      { credentials },
    );
    batch.forEach((e, i) => (items[i] ? present : missing).push(e.id));
  }
  for (const ids of chunks(present)) {
    await db('mlops_fact_entities')
      .whereIn('id', ids)
      .whereNotNull('missing_since')
      .update({ missing_since: null });
  }
  for (const ids of chunks(missing)) {
    await db('mlops_fact_entities')
      .whereIn('id', ids)
      .whereNull('missing_since')
      .update({ missing_since: now });
  }
  const gone = (
    await db('mlops_fact_entities')
      .where('missing_since', '<', now - MISSING_GRACE_DAYS * DAY)
      .select('id')
  ).map(row => Number(row.id));
  for (const ids of chunks(gone)) {
    await db('mlops_fact_latest').whereIn('entity_id', ids).delete();
    await deleteInBatches(db, () =>
      db('mlops_facts').whereIn('entity_id', ids).select('id'),
    );
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
 *    type × `thinningBucketDays` (none with 0, the default), keeping notable ones (breached drift, failed CI or evaluation).
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
      ? await removeMissingEntities(
          db,
          options.catalog,
          options.credentials,
          now,
        )
      : 0;

  let expired = 0;
  let versionsRemoved = 0;
  for (const [type, days] of Object.entries(config.days)) {
    const deleted = await deleteInBatches(db, () =>
      db('mlops_facts as f')
        .select('f.id')
        .where('f.type', factTypeCode(type as any))
        .where('f.observed_at', '<', now - days * DAY)
        .whereNotExists(notLatest(db)),
    );
    expired += deleted;
    if (type === 'model-version') versionsRemoved += deleted;
  }

  const detailCutoff = now - config.detailDays * DAY;
  const watermark = await readMeta(db, WATERMARK_KEY);
  // Facts arrive late (a pipeline replaying a month): re-thin one bucket behind the mark.
  const bucket = config.thinningBucketDays * DAY;
  const from = watermark ? Number(watermark) - Math.max(bucket, DAY) : 0;
  let thinned = 0;
  for (const type of config.thinnedTypes) {
    const routine = () =>
      db('mlops_facts as f')
        .where('f.type', factTypeCode(type))
        .where('f.observed_at', '>=', from)
        .where('f.observed_at', '<', detailCutoff)
        .whereRaw('not f.notable')
        .whereNotExists(notLatest(db));
    const deleted = await deleteInBatches(db, () =>
      bucket === 0
        ? routine().select('f.id')
        : db
            .select('ranked.id')
            .from(
              routine()
                .select(
                  'f.id',
                  db.raw(
                    `row_number() over (partition by f.entity_id, f.observed_at / ${bucket} order by f.observed_at desc, f.id desc) as rn`,
                  ),
                )
                .as('ranked'),
            )
            .where('ranked.rn', '>', 1),
    );
    thinned += deleted;
    if (type === 'model-version') versionsRemoved += deleted;
  }
  await writeMeta(db, WATERMARK_KEY, String(detailCutoff));
  // The real clock, as the change times it is compared with (not the `now` of a test).
  if (removedEntities > 0 || versionsRemoved > 0) await recordLatestRemoval(db);

  const reindexed = await reindexWhenSparse(db, expired + thinned);
  logger.info(
    `mlops: fact retention removed ${removedEntities} missing entities, ${expired} expired and ${thinned} thinned facts${
      reindexed ? ', and rebuilt the fact indexes' : ''
    }`,
  );
  return { removedEntities, expired, thinned };
}
