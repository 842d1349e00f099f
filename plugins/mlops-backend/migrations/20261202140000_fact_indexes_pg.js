/*
 * PostgreSQL only. Measured on a simulated year of mixed facts (bench/facts, 1,000 use
 * cases), the table was 3.4 MB and its two b-tree indexes 2.8 MB more: (source_id,
 * fact_key) 2.0 MB and the primary key on id 0.85 MB, both left half-empty by retention
 * because ids arrive in rough time order.
 *
 * - fact_key becomes bytea and a lowercase-hex id (the run ids of MLflow, CI, Argo) is
 *   stored as its bytes, 17 bytes instead of 33 (src/facts/store/factKeys.ts).
 * - The unique index on (source_id, fact_key) becomes a plain one on (source_id, a 32-bit
 *   hash of fact_key): 20 bytes a fact instead of ~50, and hashed keys land all over the
 *   index, so the space retention frees is reused. (source, id) stays exactly idempotent:
 *   FactStore looks a key up before inserting it, and the writers of one source take turns
 *   (src/facts/store/lockSources.ts).
 * - The primary key on id goes: nothing reads a fact by id alone (an update names the
 *   entity too, whose index finds the row; the latest table and retention join by hash),
 *   and ids come from the sequence, so they stay unique without it.
 *
 * SQLite keeps its layout: its unique index enforces (source, id) (writers are serial
 * there anyway), id is its rowid, and it stores text without padding.
 */

const isPg = knex => knex.client.config.client === 'pg';
const keyHash = column =>
  `(('x' || substr(md5(${column}), 1, 8))::bit(32)::int)`;

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  if (!isPg(knex)) return;
  // Rebuilt rather than altered: the columns in an order that wastes no alignment padding
  // (8-byte, then 4-, 2-, 1-byte columns, then the variable ones) save ~5% more.
  await knex.raw('alter sequence mlops_facts_id_seq owned by none');
  await knex.raw(`
    create table mlops_facts_rebuilt (
      id bigint not null default nextval('mlops_facts_id_seq'),
      observed_at bigint not null,
      source_id integer not null,
      entity_id integer not null,
      type smallint not null,
      notable boolean not null default false,
      fact_key bytea not null,
      data text not null,
      payload bytea
    )`);
  await knex.raw(`
    insert into mlops_facts_rebuilt
      (id, observed_at, source_id, entity_id, type, notable, fact_key, data, payload)
    select id, observed_at, source_id, entity_id, type, notable,
      case when fact_key ~ '^([0-9a-f]{2})+$'
        then '\\x01'::bytea || decode(fact_key, 'hex')
        else '\\x00'::bytea || convert_to(fact_key, 'UTF8') end,
      data, payload
    from mlops_facts`);
  await knex.raw('drop table mlops_facts');
  await knex.raw('alter table mlops_facts_rebuilt rename to mlops_facts');
  await knex.raw('alter sequence mlops_facts_id_seq owned by mlops_facts.id');
  await knex.raw(
    'create index mlops_facts_entity_idx on mlops_facts (entity_id)',
  );
  await knex.raw(
    `create index mlops_facts_key_hash on mlops_facts (source_id, ${keyHash(
      'fact_key',
    )})`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (!isPg(knex)) return;
  await knex.raw('drop index if exists mlops_facts_key_hash');
  await knex.raw(`
    alter table mlops_facts alter column fact_key type varchar(200) using (
      case when get_byte(fact_key, 0) = 1
        then encode(substring(fact_key from 2), 'hex')
        else convert_from(substring(fact_key from 2), 'UTF8') end)`);
  await knex.raw('alter table mlops_facts add primary key (id)');
  await knex.raw(
    'alter table mlops_facts add constraint mlops_facts_key_uniq unique (source_id, fact_key)',
  );
};
