/*
 * A throw-away database per bench run: a SQLite file in a temporary folder, or a fresh
 * database on the PostgreSQL server of LZ_BENCH_PG. Each is removed when the run ends, so
 * benches never measure what an earlier run left behind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

/** The PostgreSQL server the benches use (the machine's own by default). */
export const BENCH_PG =
  process.env.LZ_BENCH_PG ?? 'postgresql://postgres@127.0.0.1:5432/test';

export async function onSqlite<T>(
  prefix: string,
  fn: (db: Knex, file: string) => Promise<T>,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const file = path.join(dir, 'mlops.sqlite');
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  try {
    return await fn(db, file);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function onPostgres<T>(
  prefix: string,
  fn: (db: Knex) => Promise<T>,
): Promise<T> {
  const admin = knexFactory({ client: 'pg', connection: BENCH_PG });
  const name = `${prefix.replace(/-/g, '_')}_${process.pid}_${
    Date.now() % 100000
  }`;
  await admin.raw(`create database ${name}`);
  const db = knexFactory({
    client: 'pg',
    connection: BENCH_PG.replace(/\/[^/]*$/, `/${name}`),
    pool: { min: 0, max: 10 },
  });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
    await admin.raw(`drop database if exists ${name}`);
    await admin.destroy();
  }
}
