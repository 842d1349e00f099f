/*
 * History of ML use cases. Storage grows with changes (events, score changes) and with
 * teams × days (rollups), never with entities × days.
 *
 * Timestamps are ISO-8601 UTC strings and days are YYYY-MM-DD strings: they compare
 * correctly as text on both SQLite and PostgreSQL, so one query works on both.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // One row per use case: its current state plus the two instants lead time needs.
  await knex.schema.createTable('mlops_entities', table => {
    table.string('entity_ref').primary();
    table.string('team_ref').notNullable();
    table.string('title').notNullable();
    table.string('type').notNullable();
    table.string('lifecycle').notNullable();
    table.integer('level').notNullable();
    table.integer('score').notNullable();
    table.text('failing_checks').notNullable();
    table.string('template_ref').nullable();
    table.string('created_at').nullable();
    table.string('reached_production_at').nullable();
    table.string('first_seen_at').notNullable();
    table.string('last_seen_at').notNullable();
    table.boolean('deleted').notNullable().defaultTo(false);
    table.boolean('demo').notNullable().defaultTo(false);
    table.index(['team_ref', 'deleted'], 'mlops_entities_team_idx');
    table.index(['template_ref'], 'mlops_entities_template_idx');
  });

  // Lifecycle events. `dedupe_key` makes the once-only events (first-seen,
  // reached-production, created per scaffolder task) idempotent under retries and races.
  await knex.schema.createTable('mlops_events', table => {
    table.bigIncrements('id').primary();
    table.string('entity_ref').notNullable();
    table.string('type').notNullable();
    table.string('at').notNullable();
    table.integer('from_level').nullable();
    table.integer('to_level').nullable();
    table.string('from_lifecycle').nullable();
    table.string('to_lifecycle').nullable();
    table.string('task_id').nullable();
    table.string('template_ref').nullable();
    table.string('team_ref').nullable();
    table.string('outcome').nullable();
    table
      .string('dedupe_key')
      .nullable()
      .unique('mlops_events_dedupe_key_uniq');
    table.index(['entity_ref', 'at'], 'mlops_events_entity_idx');
    table.index(['at'], 'mlops_events_at_idx');
  });

  // Level/score of an entity on each day it changed: the entity's maturity series.
  await knex.schema.createTable('mlops_entity_scores', table => {
    table.string('entity_ref').notNullable();
    table.string('day').notNullable();
    table.integer('level').notNullable();
    table.integer('score').notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day'], 'mlops_entity_scores_day_idx');
  });

  // State of each team at the end of each day (team '*' is the whole organisation).
  await knex.schema.createTable('mlops_team_days', table => {
    table.string('team_ref').notNullable();
    table.string('day').notNullable();
    table.integer('use_cases').notNullable();
    table.integer('in_production').notNullable();
    table.integer('flow_load').notNullable();
    table.integer('level_sum').notNullable();
    table.integer('score_sum').notNullable();
    table.text('levels').notNullable();
    table.primary(['team_ref', 'day']);
    table.index(['day'], 'mlops_team_days_day_idx');
  });

  // Precomputed team × window × period summaries, rewritten by every snapshot, so a
  // read is one indexed query.
  await knex.schema.createTable('mlops_team_windows', table => {
    table.string('team_ref').notNullable();
    table.integer('window_days').notNullable();
    table.string('period').notNullable();
    table.text('summary').notNullable();
    table.primary(['window_days', 'period', 'team_ref']);
  });

  // Small key/value facts: last snapshot, demo seeding.
  await knex.schema.createTable('mlops_meta', table => {
    table.string('key').primary();
    table.text('value').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mlops_meta');
  await knex.schema.dropTable('mlops_team_windows');
  await knex.schema.dropTable('mlops_team_days');
  await knex.schema.dropTable('mlops_entity_scores');
  await knex.schema.dropTable('mlops_events');
  await knex.schema.dropTable('mlops_entities');
};
