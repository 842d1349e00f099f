/*
 * History of ML use cases. Storage grows with changes (events, score changes, scaffolder
 * runs) and with teams × days (rollups), never with entities × days.
 *
 * The tables that grow refer to entities and teams by integer ids and store instants as
 * epoch milliseconds and days as day numbers (days since 1970-01-01): refs and ISO strings
 * repeated on every row were most of the bytes. Integers also compare correctly on both
 * SQLite and PostgreSQL, so one query works on both. src/database/encoding.ts converts.
 *
 * Indexes exist for reads and uniqueness only. Retention is the one filter on the time
 * columns of events, runs and scores; it scans them once per snapshot, which costs less
 * than keeping an index up to date on every write and its bytes on disk.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // Team refs (and '*' for the organisation) by id. Only the snapshot task writes these,
  // and its retention step deletes a team once no entity and no rollup refers to it.
  await knex.schema.createTable('mlops_teams', table => {
    table.increments('id').primary();
    table.string('team_ref').notNullable().unique('mlops_teams_ref_uniq');
  });

  // One row per use case: its current state plus the two instants lead time needs. Only a
  // change writes the row, so it does not churn on databases that keep old row versions.
  await knex.schema.createTable('mlops_entities', table => {
    table.increments('id').primary();
    table.string('entity_ref').notNullable().unique('mlops_entities_ref_uniq');
    table.integer('team_id').notNullable();
    table.string('title').notNullable();
    table.string('type').notNullable();
    table.string('lifecycle').notNullable();
    table.integer('level').notNullable();
    table.integer('score').notNullable();
    table.text('failing_checks').notNullable();
    table.string('template_ref').nullable();
    table.bigInteger('created_at').nullable();
    table.bigInteger('reached_production_at').nullable();
    // Set by the snapshot that no longer found it in the catalog; retention deletes the
    // row once this is older than the retention period.
    table.bigInteger('removed_at').nullable();
    table.boolean('demo').notNullable().defaultTo(false);
    table.index(['team_id'], 'mlops_entities_team_idx');
  });

  // Snapshot events of an entity. `type` is a small code (src/database/eventTypes.ts).
  // One snapshot records at most one event of a type per entity, so the key makes a
  // retried snapshot a no-op, and it serves the reads by entity in (at, type) order.
  await knex.schema.createTable('mlops_events', table => {
    table.integer('entity_id').notNullable();
    table.bigInteger('at').notNullable();
    table.smallint('type').notNullable();
    table.smallint('from_level').nullable();
    table.smallint('to_level').nullable();
    table.string('from_lifecycle').nullable();
    table.string('to_lifecycle').nullable();
    table.primary(['entity_id', 'at', 'type']);
    // first-seen (1) and reached-production (4) happen once per entity, even when two
    // snapshots race.
    table.unique(['entity_id', 'type'], {
      indexName: 'mlops_events_once_uniq',
      predicate: knex.whereRaw('type in (1, 4)'),
    });
  });

  // Scaffolder runs that created (or failed to create) a use case: the `created` events.
  // Recorded by the API, possibly before any snapshot saw the entity, so they name it by
  // ref rather than by an id that retention could delete under them. Idempotent per task.
  await knex.schema.createTable('mlops_runs', table => {
    table.string('task_id').primary();
    table.string('entity_ref').notNullable();
    table.string('template_ref').nullable();
    table.string('outcome').notNullable();
    table.bigInteger('at').notNullable();
    table.index(['entity_ref'], 'mlops_runs_entity_idx');
  });

  // Level/score of an entity on each day it changed: the entity's maturity series.
  await knex.schema.createTable('mlops_entity_scores', table => {
    table.integer('entity_id').notNullable();
    table.integer('day').notNullable();
    table.smallint('level').notNullable();
    table.smallint('score').notNullable();
    table.primary(['entity_id', 'day']);
  });

  // State of each team at the end of each day: only what the trend reads. Every query
  // selects by day, so the key leads with it and no other index is needed.
  await knex.schema.createTable('mlops_team_days', table => {
    table.integer('day').notNullable();
    table.integer('team_id').notNullable();
    table.integer('use_cases').notNullable();
    table.integer('level_sum').notNullable();
    table.primary(['day', 'team_id']);
  });

  // Precomputed team × window × period summaries, refreshed by every snapshot, so a
  // read is one indexed query. Its size is fixed (teams × 6), so it keeps the readable ref.
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
  await knex.schema.dropTable('mlops_runs');
  await knex.schema.dropTable('mlops_events');
  await knex.schema.dropTable('mlops_entities');
  await knex.schema.dropTable('mlops_teams');
};
