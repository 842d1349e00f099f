import { HistoryStore } from '../database/HistoryStore';

/** Meta keys of the snapshot's outcome; runSnapshot writes LAST_SUCCESS_KEY. */
export const LAST_SUCCESS_KEY = 'snapshot.lastAt';
const LAST_FAILURE_KEY = 'snapshot.lastFailureAt';

/** How fresh the stored history is, as the API reports it. */
export interface SnapshotStatus {
  /** When a snapshot last completed; null before the first one. */
  lastRefreshedAt: string | null;
  /** Whether the most recent snapshot failed (its data is older than it looks). */
  lastSnapshotFailed: boolean;
  lastFailedAt: string | null;
}

/**
 * Remembers that a snapshot failed, so readers can tell old data from fresh. The error
 * text stays in the log only: it can name internals a reader should not see.
 */
export async function recordSnapshotFailure(
  store: HistoryStore,
  now: Date = new Date(),
): Promise<void> {
  await store.setMeta(LAST_FAILURE_KEY, now.toISOString());
}

export async function readSnapshotStatus(
  store: HistoryStore,
): Promise<SnapshotStatus> {
  const lastRefreshedAt = (await store.getMeta(LAST_SUCCESS_KEY)) ?? null;
  const lastFailedAt = (await store.getMeta(LAST_FAILURE_KEY)) ?? null;
  return {
    lastRefreshedAt,
    lastFailedAt,
    lastSnapshotFailed:
      lastFailedAt !== null &&
      (lastRefreshedAt === null ||
        Date.parse(lastFailedAt) > Date.parse(lastRefreshedAt)),
  };
}
