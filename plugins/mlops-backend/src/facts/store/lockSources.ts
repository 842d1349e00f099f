import { Fact } from '@landing-zone/plugin-mlops-common';
import { Knex } from 'knex';

/** The advisory lock class of fact sources (any constant unlikely to collide with others). */
const LOCK_CLASS = 0x4c5a_0f01;

/** A 32-bit FNV-1a hash of the source name, as a signed int4 for pg_advisory_xact_lock. */
function sourceKey(source: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(source)) {
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return hash | 0;
}

/**
 * On PostgreSQL, (source, id) has no unique index (an index on a hash of the id is well under
 * half the size, migrations/20261202140000_fact_indexes_pg.js), so the writers of one source
 * take turns: each holds a transaction lock per source of its batch, taken in one global
 * order so two batches never wait on each other. A lookup then sees every committed fact of
 * the source, and no other writer can insert the same key before this transaction ends.
 * Sources whose names hash alike only wait for each other. SQLite writers are serial already.
 */
export async function lockSources(
  tx: Knex.Transaction,
  facts: Fact[],
): Promise<void> {
  if (tx.client.config.client !== 'pg') return;
  const keys = [...new Set(facts.map(f => sourceKey(f.source)))].sort(
    (a, b) => a - b,
  );
  for (const key of keys) {
    await tx.raw('select pg_advisory_xact_lock(?, ?)', [LOCK_CLASS, key]);
  }
}
