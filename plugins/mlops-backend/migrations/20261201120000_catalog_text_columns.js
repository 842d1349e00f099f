/*
 * Columns that hold what the catalog says about an entity become unbounded text.
 *
 * The catalog accepts a title, lifecycle, type or `backstage.io/source-template` of any
 * length; as varchar(255) one such entity made every snapshot fail on PostgreSQL
 * ("value too long for type character varying(255)"). Refs stay varchar(255): they are
 * indexed, the catalog keeps an entity ref far below that, and the snapshot skips (with a
 * warning) an entity whose owner ref is longer.
 *
 * PostgreSQL changes varchar to text without rewriting the table. SQLite never enforced
 * the length, so there is nothing to change there (and altering a column on SQLite means
 * rebuilding the table with its partial index).
 */

const COLUMNS = {
  mlops_entities: ['title', 'type', 'lifecycle', 'template_ref'],
  mlops_events: ['from_lifecycle', 'to_lifecycle'],
  mlops_runs: ['template_ref'],
};

function isPostgres(knex) {
  return /^(pg|postgres)/.test(String(knex.client.config.client));
}

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  if (!isPostgres(knex)) {
    return;
  }
  for (const [table, columns] of Object.entries(COLUMNS)) {
    for (const column of columns) {
      await knex.raw('ALTER TABLE ?? ALTER COLUMN ?? TYPE text', [
        table,
        column,
      ]);
    }
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!isPostgres(knex)) {
    return;
  }
  // Values longer than 255 characters keep their first 255 on the way back.
  for (const [table, columns] of Object.entries(COLUMNS)) {
    for (const column of columns) {
      await knex.raw(
        'ALTER TABLE ?? ALTER COLUMN ?? TYPE varchar(255) USING left(??, 255)',
        [table, column, column],
      );
    }
  }
};
