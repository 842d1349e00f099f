/*
 * Where the bytes of the plugin's database go, per table and per index, so a size figure
 * can be explained and not only reported.
 *
 * Both measure what a running deployment would hold on disk:
 * - SQLite: the database file as is. Backstage never VACUUMs it, so pages freed by
 *   deletes stay in the file (on the freelist) and are reused by later writes; they are
 *   reported as `(free pages)`. The bench uses the default rollback journal, so nothing
 *   waits in a WAL file.
 * - PostgreSQL: after `VACUUM ANALYZE`, which is what autovacuum does on its own (it marks
 *   dead rows reusable; it does not give space back to the OS). The total is
 *   pg_database_size, which also counts the empty database's system catalogs.
 */
import { Knex } from 'knex';

export interface StorageReport {
  /** Bytes of the whole database. */
  totalBytes: number;
  /** Bytes per table and per index (`table` and `table/index`), largest first. */
  relations: Array<{ name: string; megabytes: number }>;
}

function sorted(sizes: Map<string, number>): StorageReport['relations'] {
  return [...sizes]
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => ({ name, megabytes: +(bytes / 1e6).toFixed(2) }));
}

export async function sqliteStorage(
  knex: Knex,
  fileBytes: number,
): Promise<StorageReport> {
  const objects: Array<{ name: string; tbl_name: string }> = await knex.raw(
    `select name, tbl_name from sqlite_schema where type in ('table', 'index')`,
  );
  const tableOf = new Map(objects.map(o => [o.name, o.tbl_name]));
  const pages: Array<{ name: string; bytes: number }> = await knex.raw(
    `select name, sum(pgsize) as bytes from dbstat group by name`,
  );
  const sizes = new Map<string, number>();
  for (const { name, bytes } of pages) {
    const table = tableOf.get(name) ?? name;
    sizes.set(table === name ? name : `${table}/${name}`, bytes);
  }
  const [{ freelist_count: free }] = await knex.raw('pragma freelist_count');
  const [{ page_size: pageSize }] = await knex.raw('pragma page_size');
  sizes.set('(free pages)', free * pageSize);
  return { totalBytes: fileBytes, relations: sorted(sizes) };
}

export async function postgresStorage(knex: Knex): Promise<StorageReport> {
  await knex.raw('vacuum analyze');
  const { rows } = await knex.raw(`
    select c.relname as name, c.relkind as kind, t.relname as table_name,
           pg_relation_size(c.oid, 'main') + pg_relation_size(c.oid, 'fsm')
             + pg_relation_size(c.oid, 'vm')
             + coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0)
             as bytes
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_index i on i.indexrelid = c.oid
      left join pg_class t on t.oid = i.indrelid
     where n.nspname = current_schema() and c.relkind in ('r', 'i')`);
  const sizes = new Map<string, number>();
  for (const row of rows) {
    const name = row.kind === 'i' ? `${row.table_name}/${row.name}` : row.name;
    sizes.set(name, Number(row.bytes));
  }
  const { rows: total } = await knex.raw(
    'select pg_database_size(current_database()) as bytes',
  );
  return { totalBytes: Number(total[0].bytes), relations: sorted(sizes) };
}
