/*
 * Facts store their data compressed (src/facts/store/factPayload.ts): raw DEFLATE with a
 * preset dictionary of the fact schema's own keys and common values, which halves a typical
 * fact and is most of what keeps a simulated year under its storage target (bench/facts).
 * Rows written before keep their JSON in `data` (then `payload` is null); new rows write an
 * empty `data`.
 *
 * Two indexes change for the same reason, measured on PostgreSQL:
 * - the timeline index is on entity_id alone: an entity has tens of facts, sorted in
 *   memory, and PostgreSQL deduplicates repeated keys, so the index costs a few bytes per
 *   fact instead of ~33;
 * - on PostgreSQL the latest table loses its index on fact_id: every push moves a slot to a
 *   new fact, and with fact_id indexed no such update can be HOT, so that index bloated to
 *   several times the table. Retention's anti-join is a hash join there. SQLite keeps the
 *   index: its NOT EXISTS would otherwise scan the latest table once per fact.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('mlops_facts', table => {
    table.binary('payload').nullable();
    table.dropIndex(['entity_id', 'observed_at'], 'mlops_facts_entity_idx');
    table.index(['entity_id'], 'mlops_facts_entity_idx');
  });
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('mlops_fact_latest', table => {
      table.dropIndex(['fact_id'], 'mlops_fact_latest_fact_idx');
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('mlops_fact_latest', table => {
      table.index(['fact_id'], 'mlops_fact_latest_fact_idx');
    });
  }
  await knex.schema.alterTable('mlops_facts', table => {
    table.dropIndex(['entity_id'], 'mlops_facts_entity_idx');
    table.index(['entity_id', 'observed_at'], 'mlops_facts_entity_idx');
    table.dropColumn('payload');
  });
};
