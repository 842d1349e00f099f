/*
 * Whether a use case's reached-production time was observed (its first production
 * `deployment` fact) or declared (`spec.lifecycle: production` with no such fact). Lead times
 * resting on a declaration are marked as such in the API. Null for rows recorded before
 * this column: the snapshot does not know any more which one it was.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.alterTable('mlops_entities', table => {
    table.string('production_evidence', 16).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('mlops_entities', table => {
    table.dropColumn('production_evidence');
  });
};
