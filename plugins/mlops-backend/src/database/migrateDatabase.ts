import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@landing-zone/plugin-mlops-backend',
  'migrations',
);

/**
 * Brings the plugin's tables up to date. knex's migration lock serialises replicas once
 * its bookkeeping tables exist; on a fresh database two replicas can race to create
 * those, and the loser simply tries again.
 */
export async function migrateDatabase(knex: Knex): Promise<void> {
  try {
    await knex.migrate.latest({ directory: migrationsDir });
  } catch {
    await new Promise(resolve =>
      setTimeout(resolve, 500 + Math.random() * 500),
    );
    await knex.migrate.latest({ directory: migrationsDir });
  }
}
