/*
 * How instants and days are stored. Integers take a fraction of the bytes of ISO strings
 * on every row and index entry, and compare the same way on SQLite and PostgreSQL.
 * The rest of the plugin only sees ISO-8601 instants and YYYY-MM-DD days.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** An ISO-8601 instant as epoch milliseconds. */
export function toMillis(instant: string): number {
  return Date.parse(instant);
}

/**
 * Epoch milliseconds as the ISO-8601 UTC instant the plugin wrote. PostgreSQL's driver
 * returns bigint columns as strings, hence the Number().
 */
export function fromMillis(stored: number | string): string {
  return new Date(Number(stored)).toISOString();
}

export function toMillisOrNull(instant: string | null): number | null {
  return instant === null ? null : toMillis(instant);
}

export function fromMillisOrNull(
  stored: number | string | null,
): string | null {
  return stored === null ? null : fromMillis(stored);
}

/** A YYYY-MM-DD day as the number of days since 1970-01-01. */
export function toDayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00.000Z`) / DAY_MS);
}

export function fromDayNumber(stored: number): string {
  return new Date(stored * DAY_MS).toISOString().slice(0, 10);
}
