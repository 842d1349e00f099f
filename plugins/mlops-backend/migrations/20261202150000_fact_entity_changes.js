/*
 * When each entity's facts last changed (epoch milliseconds, the writing backend's clock),
 * so GET /facts/latest?since= can answer only the entities written since a cursor instead
 * of every entity on each refresh of the catalog module. Null for entities written before
 * this migration: a full answer includes them, and any later write sets it.
 *
 * No index: the changed entities are found by scanning this table (one short row per
 * entity), and an unindexed column keeps the update on every push a HOT update.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('mlops_fact_entities', table => {
    table.bigInteger('facts_changed_at').nullable();
  });
  // Room on each page for the updated row, so the update stays on it (HOT) and the
  // indexes on entity_ref and id get no new entries.
  if (knex.client.config.client === 'pg') {
    await knex.raw('alter table mlops_fact_entities set (fillfactor = 80)');
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.raw('alter table mlops_fact_entities reset (fillfactor)');
  }
  await knex.schema.alterTable('mlops_fact_entities', table => {
    table.dropColumn('facts_changed_at');
  });
};
