/*
 * Facts: observations about entities, pushed to POST /facts or pulled by collectors
 * (src/facts/). Like the history tables, the table that grows names entities and sources
 * by integer id and stores instants as epoch milliseconds and the fact type as a small
 * code (src/facts/store/factTypeCodes.ts), because refs and ISO strings repeated on every
 * row were most of the bytes.
 *
 * Retention (src/facts/retention/) keeps the latest fact per entity × type × slot (see
 * mlops_fact_latest) while the entity exists, deletes history older than the configured
 * days per type, and thins routine observations past the detail window.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // Entities that facts name, by id. Facts may arrive before the catalog (or the history
  // snapshot) knows an entity, so this is separate from mlops_entities. `missing_since` is
  // set by retention when the catalog no longer has the entity.
  await knex.schema.createTable('mlops_fact_entities', table => {
    table.increments('id').primary();
    table
      .string('entity_ref')
      .notNullable()
      .unique('mlops_fact_entities_ref_uniq');
    table.bigInteger('missing_since').nullable();
  });

  // Sources of facts (a collector id, or what a pusher names) and how each last fared,
  // so the card can say since when a source has been failing.
  await knex.schema.createTable('mlops_fact_sources', table => {
    table.increments('id').primary();
    table.string('source').notNullable().unique('mlops_fact_sources_name_uniq');
    table.bigInteger('last_success_at').nullable();
    table.bigInteger('last_failure_at').nullable();
    table.bigInteger('failing_since').nullable();
    table.text('last_error').nullable();
  });

  // One row per fact. (source, id) is the idempotency key a retried push hits. `data` is
  // canonical JSON (sorted keys), so "unchanged" is a string comparison. `notable` marks
  // facts that thinning never removes (a breached drift check, a failed CI run).
  await knex.schema.createTable('mlops_facts', table => {
    table.bigIncrements('id').primary();
    table.integer('source_id').notNullable();
    table.string('fact_key', 200).notNullable();
    table.integer('entity_id').notNullable();
    table.smallint('type').notNullable();
    table.bigInteger('observed_at').notNullable();
    table.boolean('notable').notNullable().defaultTo(false);
    table.text('data').notNullable();
    table.unique(['source_id', 'fact_key'], {
      indexName: 'mlops_facts_key_uniq',
    });
    // The entity timeline (newest first) and thinning's partition by entity.
    table.index(['entity_id', 'observed_at'], 'mlops_facts_entity_idx');
  });

  // The latest fact per entity × type × slot: slot is '' for most types, the environment
  // for a deployment, and each alias (plus '') for a model version. What checks read, in
  // one indexed query, without scanning history. `observed_at` is copied so a push can
  // keep the newer of two facts without a join.
  await knex.schema.createTable('mlops_fact_latest', table => {
    table.integer('entity_id').notNullable();
    table.smallint('type').notNullable();
    table.string('slot', 200).notNullable();
    table.bigInteger('fact_id').notNullable();
    table.bigInteger('observed_at').notNullable();
    table.primary(['entity_id', 'type', 'slot']);
    table.index(['fact_id'], 'mlops_fact_latest_fact_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mlops_fact_latest');
  await knex.schema.dropTable('mlops_facts');
  await knex.schema.dropTable('mlops_fact_sources');
  await knex.schema.dropTable('mlops_fact_entities');
};
