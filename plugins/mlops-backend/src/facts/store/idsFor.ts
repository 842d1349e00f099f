import { Knex } from 'knex';
import { chunks } from '../../database/chunks';

async function lookUp(
  db: Knex,
  table: string,
  column: string,
  values: string[],
  ids: Map<string, number>,
) {
  for (const batch of chunks(values)) {
    const rows = await db(table).whereIn(column, batch).select('id', column);
    for (const row of rows) ids.set(row[column], Number(row.id));
  }
}

/**
 * Ids of the rows of a (id, unique `column`) table naming `values`, adding the missing
 * ones. Known values are looked up first: an insert ignored on conflict still draws a
 * PostgreSQL sequence value, and most pushes name entities and sources seen before.
 */
export async function idsFor(
  db: Knex,
  table: string,
  column: string,
  values: string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(values)];
  const ids = new Map<string, number>();
  await lookUp(db, table, column, unique, ids);
  const missing = unique.filter(value => !ids.has(value));
  for (const batch of chunks(missing)) {
    await db(table)
      .insert(batch.map(value => ({ [column]: value })))
      .onConflict(column)
      .ignore();
  }
  await lookUp(db, table, column, missing, ids);
  return ids;
}
