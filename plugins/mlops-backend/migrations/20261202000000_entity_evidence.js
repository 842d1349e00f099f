/*
 * How much of each use case's evidence is observed: the checks a source can observe
 * (observable_checks) and those observed now (observed_checks), written by the snapshot when
 * it evaluates on facts. Null when the level came from the catalog processor's annotations
 * (no facts read), so "not measured" never reads as "nothing observed".
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('mlops_entities', table => {
    table.integer('observed_checks').nullable();
    table.integer('observable_checks').nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('mlops_entities', table => {
    table.dropColumn('observed_checks');
    table.dropColumn('observable_checks');
  });
};
