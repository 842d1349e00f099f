import { LoggerService } from '@backstage/backend-plugin-api';
import { SnapshotLease } from '../database/SnapshotLease';

/**
 * Lease timings. A dead holder keeps a due snapshot waiting at most LEASE_MS, and the next
 * replica looks every TICK_MS, so history resumes within about 20 s of a kill -9.
 */
export const LEASE_MS = 15_000;
export const HEARTBEAT_MS = 5_000;
export const TICK_MS = 5_000;

export interface LeasedRunOptions {
  lease: SnapshotLease;
  /** Unique per replica process. */
  holder: string;
  /** Longest a run may hold the lease (the task's `timeout`); then it is given up. */
  maxRunMs: number;
  logger: LoggerService;
  run: () => Promise<void>;
  /** Tests shorten the lease. */
  leaseMs?: number;
  heartbeatMs?: number;
}

/**
 * Runs the snapshot when one is due and this replica gets the lease; renews the lease
 * while it runs. Returns whether it ran. Errors of the run are rethrown after the lease
 * is given back.
 */
export async function runUnderLease(
  options: LeasedRunOptions,
): Promise<boolean> {
  const { lease, holder, logger } = options;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const startedAt = Date.now();
  if (!(await lease.tryAcquire(holder, startedAt, leaseMs))) {
    return false;
  }
  const heartbeat = setInterval(async () => {
    if (Date.now() - startedAt > options.maxRunMs) {
      // A run stuck beyond its timeout must not hold history forever: stop renewing, so
      // another replica can take the snapshot over.
      clearInterval(heartbeat);
      logger.error(
        `mlops snapshot: still running after ${options.maxRunMs} ms; giving up its lease`,
      );
      return;
    }
    try {
      if (!(await lease.renew(holder, Date.now(), leaseMs))) {
        logger.warn('mlops snapshot: lease lost to another replica');
      }
    } catch (error) {
      logger.warn(`mlops snapshot: could not renew its lease: ${error}`);
    }
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  try {
    await options.run();
  } finally {
    clearInterval(heartbeat);
    await lease.release(holder);
  }
  return true;
}
