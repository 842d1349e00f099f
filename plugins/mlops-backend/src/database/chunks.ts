/**
 * Rows per statement. SQLite compiles a multi-row upsert into a compound SELECT, which
 * it caps at 500 terms; this also keeps well under both databases' parameter limits.
 */
export const CHUNK = 250;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}
