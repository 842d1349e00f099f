/*
 * The lease under which one replica writes a snapshot.
 *
 * The scheduler's global task only marks a snapshot as due (a write of milliseconds), so
 * its lock is never held for long; the snapshot itself runs under this lease, which its
 * holder renews every few seconds. A replica that dies mid-snapshot (kill -9, OOM) stops
 * renewing, and another takes the still-due snapshot over within seconds instead of
 * waiting for the scheduler's timeout. One row; instants are epoch milliseconds.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('mlops_snapshot_lease', table => {
    table.integer('id').primary();
    // Set when a snapshot is due; cleared when one that started after it ends.
    table.bigInteger('due_at').nullable();
    table.string('holder').nullable();
    table.bigInteger('expires_at').nullable();
    table.bigInteger('started_at').nullable();
  });
  // A fresh database is due at once: its first snapshot runs when the first replica starts.
  await knex('mlops_snapshot_lease').insert({ id: 1, due_at: 0 });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mlops_snapshot_lease');
};
