import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@landing-zone/plugin-mlops-backend',
  'migrations',
);

/** How long a replica waits for another one's migrations before it gives up. */
const MIGRATION_WAIT_MS = 120_000;

/**
 * Brings the plugin's tables up to date. Replicas starting together race for knex's
 * migration lock (or, on a fresh database, to create its bookkeeping tables); knex does not
 * wait for the lock, it fails at once. The loser tries again until the winner is done, for
 * as long as migrating can take (a table rebuild on a large database), not only once.
 */
export async function migrateDatabase(knex: Knex): Promise<void> {
  const deadline = Date.now() + MIGRATION_WAIT_MS;
  // A broken migration fails the same way every time: give it few tries, not the full wait.
  let otherFailures = 0;
  for (;;) {
    try {
      await knex.migrate.latest({ directory: migrationsDir });
      return;
    } catch (error) {
      const locked = /already locked/i.test(String(error));
      if (!locked) otherFailures += 1;
      if (Date.now() > deadline || otherFailures > 3) throw error;
      await new Promise(resolve =>
        setTimeout(resolve, 500 + Math.random() * 500),
      );
    }
  }
}
