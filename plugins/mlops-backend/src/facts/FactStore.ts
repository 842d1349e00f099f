import {
  Fact,
  FactPushResponse,
  FactSourceStatus,
  FactType,
} from '@landing-zone/plugin-mlops-common';
import { Knex } from 'knex';
import { chunks } from '../database/chunks';
import { canonicalJson } from './store/canonicalJson';
import { decodeFactData, encodeFactData } from './store/factPayload';
import { latestRemovedAt } from './store/factRemovals';
import { factSlots, isNotable, stillHoldsSlot } from './store/factSlots';
import { factTypeCode, factTypeOf } from './store/factTypeCodes';
import { factIdOf, storedFactKey, whereFactKeys } from './store/factKeys';
import { idsFor } from './store/idsFor';
import { lockSources } from './store/lockSources';

/** Options of {@link FactStore.listFacts}. */
export interface ListFactsOptions {
  /** Only facts observed at or after this instant. */
  since?: Date;
  types?: FactType[];
  /** Default 100, at most 1000. */
  limit?: number;
}

interface FactRow {
  id: number | string;
  entity_ref: string;
  source: string;
  fact_key: string | Buffer;
  type: number;
  observed_at: number | string;
  data: string;
  payload: Buffer | null;
}

const MAX_LIST = 1000;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** The canonical JSON of a row's data (rows from before factPayload.ts keep it as text). */
const storedJson = (row: { data: string; payload: Buffer | null }) =>
  row.payload ? decodeFactData(row.payload) : row.data;

function toFact(row: FactRow): Fact {
  return {
    entityRef: row.entity_ref,
    type: factTypeOf(row.type),
    source: row.source,
    id: factIdOf(row.fact_key),
    observedAt: new Date(Number(row.observed_at)).toISOString(),
    data: JSON.parse(storedJson(row)),
  } as Fact;
}

const iso = (millis: number | string | null) =>
  millis === null ? undefined : new Date(Number(millis)).toISOString();

/**
 * Facts in the plugin database (migrations/20261201200000_facts.js, 20261202100000_fact_payloads.js,
 * 20261202140000_fact_indexes_pg.js, 20261202150000_fact_entity_changes.js): idempotent writes
 * on (source, id), the latest fact per entity × type × slot (and which entities' changed since
 * when), timelines, and per-source status.
 */
export class FactStore {
  private readonly now: () => number;

  /** `now` is the clock of the change times (tests set it; see latestFactsChangedSince). */
  constructor(private readonly db: Knex, options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Stores valid, normalised facts (see validateFactBatch) in one transaction: a fact
   * whose (source, id) is new is accepted, one stored with other content is replaced
   * (updated), one stored with the same content is left alone (unchanged).
   */
  async upsertFacts(facts: Fact[]): Promise<FactPushResponse> {
    try {
      return await this.upsertOnce(facts);
    } catch (error) {
      // Two pushes of the same new (source, id) at once: one insert loses the race on the
      // unique key. Running again finds the winner's row and counts it as a repeat.
      if (!isUniqueViolation(error)) throw error;
      return await this.upsertOnce(facts);
    }
  }

  /** Many facts (a collector run), one transaction per request-sized batch. */
  async upsertFactsInBatches(facts: Fact[]): Promise<FactPushResponse> {
    const total: FactPushResponse = { accepted: 0, updated: 0, unchanged: 0 };
    for (const batch of chunks(facts, 500)) {
      const result = await this.upsertFacts(batch);
      total.accepted += result.accepted;
      total.updated += result.updated;
      total.unchanged += result.unchanged;
    }
    return total;
  }

  private async upsertOnce(facts: Fact[]): Promise<FactPushResponse> {
    const result: FactPushResponse = { accepted: 0, updated: 0, unchanged: 0 };
    if (facts.length === 0) return result;
    await this.db.transaction(async tx => {
      // First, before any row lock: a writer waiting here holds nothing another needs.
      await lockSources(tx, facts);
      const sourceIds = await idsFor(
        tx,
        'mlops_fact_sources',
        'source',
        facts.map(f => f.source),
      );
      const entityIds = await idsFor(
        tx,
        'mlops_fact_entities',
        'entity_ref',
        facts.map(f => f.entityRef),
      );
      const canonical = facts.map(fact => canonicalJson(fact.data));
      const rows = facts.map((fact, index) => ({
        source_id: sourceIds.get(fact.source)!,
        fact_key: storedFactKey(tx, fact.id),
        entity_id: entityIds.get(fact.entityRef)!,
        type: factTypeCode(fact.type),
        observed_at: Date.parse(fact.observedAt),
        notable: isNotable(fact),
        data: '',
        payload: encodeFactData(canonical[index]),
      }));
      const stored = await this.storedByKey(tx, rows, facts);

      const inserts: Array<{ row: (typeof rows)[number]; fact: Fact }> = [];
      const written: Array<{ fact: Fact; id: number }> = [];
      // Entities whose latest facts may read differently now: those written to, and the
      // one a fact moved away from.
      const changed = new Set<number>();
      for (const [index, row] of rows.entries()) {
        const fact = facts[index];
        const existing = stored.get(`${row.source_id}\u0000${fact.id}`);
        if (!existing) {
          inserts.push({ row, fact });
        } else if (
          Number(existing.entity_id) === row.entity_id &&
          Number(existing.type) === row.type &&
          Number(existing.observed_at) === row.observed_at &&
          storedJson(existing) === canonical[index]
        ) {
          result.unchanged++;
        } else {
          result.updated++;
          changed.add(Number(existing.entity_id));
          // With the entity, its index finds the row (PostgreSQL has none on id alone).
          await tx('mlops_facts')
            .where({ id: existing.id, entity_id: existing.entity_id })
            .update(row);
          written.push({ fact, id: Number(existing.id) });
        }
      }
      for (const batch of chunks(inserts)) {
        const ids: Array<{ id: number | string }> = await tx('mlops_facts')
          .insert(batch.map(insert => insert.row))
          .returning('id');
        batch.forEach(({ fact }, i) =>
          written.push({ fact, id: Number(ids[i].id) }),
        );
      }
      result.accepted = inserts.length;
      await this.updateLatest(tx, written, entityIds);
      for (const { fact } of written)
        changed.add(entityIds.get(fact.entityRef)!);
      // Stamped last, just before commit: a cursor read meanwhile overlaps it (see
      // latestFactsChangedSince).
      const changedAt = this.now();
      for (const ids of chunks([...changed])) {
        await tx('mlops_fact_entities')
          .whereIn('id', ids)
          .update({ facts_changed_at: changedAt });
      }
      await tx('mlops_fact_entities')
        .whereIn('id', [...new Set(rows.map(r => r.entity_id))])
        .whereNotNull('missing_since')
        .update({ missing_since: null });
    });
    return result;
  }

  private async storedByKey(
    tx: Knex.Transaction,
    rows: Array<{ source_id: number }>,
    facts: Fact[],
  ) {
    const stored = new Map<string, any>();
    const bySource = new Map<number, string[]>();
    rows.forEach((row, index) => {
      bySource.set(row.source_id, [
        ...(bySource.get(row.source_id) ?? []),
        facts[index].id,
      ]);
    });
    for (const [sourceId, ids] of bySource) {
      for (const batch of chunks(ids)) {
        const found = await whereFactKeys(
          tx('mlops_facts').where('source_id', sourceId),
          tx,
          batch,
        ).select(
          'id',
          'source_id',
          'fact_key',
          'entity_id',
          'type',
          'observed_at',
          'data',
          'payload',
        );
        for (const row of found) {
          stored.set(`${row.source_id}\u0000${factIdOf(row.fact_key)}`, row);
        }
      }
    }
    return stored;
  }

  /**
   * Points each slot at the newest fact written for it, unless a newer one is stored. Alias
   * slots follow the last write instead: an alias moving back to an older version is news.
   */
  private async updateLatest(
    tx: Knex.Transaction,
    written: Array<{ fact: Fact; id: number }>,
    entityIds: Map<string, number>,
  ) {
    // One row per slot: PostgreSQL refuses to update a row twice in one upsert.
    const newest = new Map<string, Record<string, unknown>>();
    for (const { fact, id } of written) {
      const observed_at = Date.parse(fact.observedAt);
      const entity_id = entityIds.get(fact.entityRef)!;
      const type = factTypeCode(fact.type);
      for (const slot of factSlots(fact)) {
        const key = `${entity_id}/${type}/${slot}`;
        const current = newest.get(key);
        if (!current || (current.observed_at as number) <= observed_at) {
          newest.set(key, { entity_id, type, slot, fact_id: id, observed_at });
        }
      }
    }
    const rows = [...newest.values()];
    const isAlias = (row: Record<string, unknown>) =>
      String(row.slot).startsWith('alias:');
    for (const batch of chunks(rows.filter(row => !isAlias(row)))) {
      await tx('mlops_fact_latest')
        .insert(batch)
        .onConflict(['entity_id', 'type', 'slot'])
        .merge(['fact_id', 'observed_at'])
        .where(
          'mlops_fact_latest.observed_at',
          '<=',
          tx.raw('excluded.observed_at'),
        );
    }
    for (const batch of chunks(rows.filter(isAlias))) {
      await tx('mlops_fact_latest')
        .insert(batch)
        .onConflict(['entity_id', 'type', 'slot'])
        .merge(['fact_id', 'observed_at']);
    }
  }

  private factsQuery(db: Knex | Knex.Transaction = this.db) {
    return db('mlops_facts as f')
      .join('mlops_fact_entities as e', 'e.id', 'f.entity_id')
      .join('mlops_fact_sources as s', 's.id', 'f.source_id')
      .select(
        'f.id',
        'e.entity_ref',
        's.source',
        'f.fact_key',
        'f.type',
        'f.observed_at',
        'f.data',
        'f.payload',
      );
  }

  /**
   * For each entity (all when `entityRefs` is omitted), the latest fact of each type, the
   * latest deployment per environment, the latest model version per alias and the two
   * newest model versions (a rollback needs one other than the deployed). A fact that
   * fills several of these appears once.
   */
  async latestFacts(entityRefs?: string[]): Promise<Map<string, Fact[]>> {
    const result = new Map<string, Fact[]>();
    const seen = new Set<string>();
    const add = (row: FactRow) => {
      if (seen.has(String(row.id))) return;
      seen.add(String(row.id));
      const fact = toFact(row);
      const list = result.get(fact.entityRef) ?? [];
      list.push(fact);
      result.set(fact.entityRef, list);
    };
    const read = async (refs?: string[]) => {
      const slots = this.factsQuery()
        .join('mlops_fact_latest as l', function joinLatest() {
          this.on('l.fact_id', 'f.id')
            .andOn('l.entity_id', 'f.entity_id')
            .andOn('l.type', 'f.type');
        })
        .select('l.slot');
      if (refs) slots.whereIn('e.entity_ref', refs);
      for (const row of (await slots) as Array<FactRow & { slot: string }>) {
        if (stillHoldsSlot(toFact(row), row.slot)) add(row);
      }
      const ranked = this.db('mlops_facts as f')
        .select(
          'f.*',
          this.db.raw(
            'row_number() over (partition by f.entity_id order by f.observed_at desc, f.id desc) as rn',
          ),
        )
        .where('f.type', factTypeCode('model-version'));
      if (refs) {
        ranked.whereIn(
          'f.entity_id',
          this.db('mlops_fact_entities')
            .whereIn('entity_ref', refs)
            .select('id'),
        );
      }
      const versions = this.factsQuery()
        .from(ranked.as('f'))
        .where('f.rn', '<=', 2);
      for (const row of (await versions) as FactRow[]) add(row);
    };
    if (entityRefs) {
      const refs = [
        ...new Set(entityRefs.map(r => r.toLocaleLowerCase('en-US'))),
      ];
      for (const batch of chunks(refs)) await read(batch);
    } else {
      await read();
    }
    return result;
  }

  /**
   * {@link FactStore.latestFacts} of the entities whose facts were written at or after
   * `since` (epoch milliseconds, this backend's clock). Entities written before facts had
   * change times (null) are never in it; a full read has them.
   */
  async latestFactsChangedSince(since: number): Promise<Map<string, Fact[]>> {
    const refs = (
      await this.db('mlops_fact_entities')
        .where('facts_changed_at', '>=', since)
        .select('entity_ref')
    ).map(row => row.entity_ref as string);
    return refs.length ? this.latestFacts(refs) : new Map();
  }

  /** When retention last removed latest facts (see factRemovals.ts). */
  latestRemovedAt(): Promise<number | undefined> {
    return latestRemovedAt(this.db);
  }

  /** The entity's facts, newest first: its timeline. */
  async listFacts(
    entityRef: string,
    options: ListFactsOptions = {},
  ): Promise<Fact[]> {
    const entity = await this.db('mlops_fact_entities')
      .where('entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .first('id');
    if (!entity) return [];
    const query = this.factsQuery()
      .where('f.entity_id', entity.id)
      .orderBy([
        { column: 'f.observed_at', order: 'desc' },
        { column: 'f.id', order: 'desc' },
      ])
      .limit(Math.min(Math.max(1, options.limit ?? 100), MAX_LIST));
    if (options.since)
      query.where('f.observed_at', '>=', options.since.getTime());
    if (options.types?.length)
      query.whereIn('f.type', options.types.map(factTypeCode));
    return ((await query) as FactRow[]).map(toFact);
  }

  /** A collector run (or push) of `source` succeeded: it is no longer failing. */
  async recordSourceSuccess(source: string, at = new Date()): Promise<void> {
    const [id] = (
      await idsFor(this.db, 'mlops_fact_sources', 'source', [source])
    ).values();
    await this.db('mlops_fact_sources').where({ id }).update({
      last_success_at: at.getTime(),
      failing_since: null,
      last_error: null,
    });
  }

  /** A collector run of `source` failed; `failing_since` keeps the first failure in a row. */
  async recordSourceFailure(
    source: string,
    error: string,
    at = new Date(),
  ): Promise<void> {
    const [id] = (
      await idsFor(this.db, 'mlops_fact_sources', 'source', [source])
    ).values();
    await this.db('mlops_fact_sources')
      .where({ id })
      .update({
        last_failure_at: at.getTime(),
        last_error: error.slice(0, 1000),
        failing_since: this.db.raw('coalesce(failing_since, ?)', [
          at.getTime(),
        ]),
      });
  }

  /** Status of the named sources, or of every known source. */
  async sourceStatuses(sources?: string[]): Promise<FactSourceStatus[]> {
    const query = this.db('mlops_fact_sources').orderBy('source');
    if (sources) query.whereIn('source', sources);
    const rows = await query;
    return rows.map(row => {
      const status: FactSourceStatus = { source: row.source };
      if (row.last_success_at !== null)
        status.lastSuccessAt = iso(row.last_success_at);
      if (row.last_failure_at !== null)
        status.lastFailureAt = iso(row.last_failure_at);
      if (row.failing_since !== null)
        status.failingSince = iso(row.failing_since);
      if (row.last_error !== null) status.lastError = row.last_error;
      return status;
    });
  }

  /** Sources that have facts for the entity. */
  async sourcesOf(entityRef: string): Promise<string[]> {
    const rows = await this.db('mlops_facts as f')
      .join('mlops_fact_entities as e', 'e.id', 'f.entity_id')
      .join('mlops_fact_sources as s', 's.id', 'f.source_id')
      .where('e.entity_ref', entityRef.toLocaleLowerCase('en-US'))
      .distinct('s.source');
    return rows.map(row => row.source);
  }
}
