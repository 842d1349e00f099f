import { Knex } from 'knex';

const KEY = 'facts.latestRemovedAt';

/**
 * When retention last removed something a latest-facts answer showed: a missing entity's
 * facts, or an expired model version (the two newest versions are read from history). No
 * change time records a removal, so a cursor from before it gets a complete answer.
 */
export async function recordLatestRemoval(db: Knex, at = Date.now()) {
  await db('mlops_meta')
    .insert({ key: KEY, value: String(at) })
    .onConflict('key')
    .merge();
}

/** Epoch milliseconds of the last such removal, if any. */
export async function latestRemovedAt(db: Knex): Promise<number | undefined> {
  const row = await db('mlops_meta').where({ key: KEY }).first('value');
  return row ? Number(row.value) : undefined;
}
