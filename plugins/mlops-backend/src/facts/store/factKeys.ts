import { Knex } from 'knex';

/*
 * A fact's id as stored. On PostgreSQL the column is bytea (migrations/
 * 20261202140000_fact_indexes_pg.js) and an id of lowercase hex digits, as MLflow's,
 * CI's and Argo's run ids are, is stored as its bytes: a 32-digit id takes 17 bytes instead
 * of 33. A first byte says which form follows: 1 hex, 0 the id's UTF-8. SQLite keeps text.
 */
const HEX = /^(?:[0-9a-f]{2})+$/;

const isPg = (db: Knex | Knex.Transaction) => db.client.config.client === 'pg';

export function storedFactKey(
  db: Knex | Knex.Transaction,
  id: string,
): string | Buffer {
  if (!isPg(db)) return id;
  return HEX.test(id)
    ? Buffer.concat([Buffer.of(1), Buffer.from(id, 'hex')])
    : Buffer.concat([Buffer.of(0), Buffer.from(id, 'utf8')]);
}

export function factIdOf(stored: string | Buffer | Uint8Array): string {
  if (typeof stored === 'string') return stored;
  const bytes = Buffer.from(stored);
  return bytes.subarray(1).toString(bytes[0] === 1 ? 'hex' : 'utf8');
}

/** The indexed hash of a stored key (SQL; `column` or a bytea parameter). */
export const KEY_HASH_SQL = (operand: string) =>
  `('x' || substr(md5(${operand}), 1, 8))::bit(32)::int`;

/** Narrows `query` on mlops_facts to the facts with these ids, by index on both databases. */
export function whereFactKeys(
  query: Knex.QueryBuilder,
  db: Knex | Knex.Transaction,
  ids: string[],
): Knex.QueryBuilder {
  const keys = ids.map(id => storedFactKey(db, id));
  query.whereIn('fact_key', keys);
  if (isPg(db)) {
    // What the index on (source_id, hash of fact_key) can answer: no unique index there.
    query.whereRaw(
      `${KEY_HASH_SQL('fact_key')} in (${keys
        .map(() => KEY_HASH_SQL('?::bytea'))
        .join(', ')})`,
      keys,
    );
  }
  return query;
}
