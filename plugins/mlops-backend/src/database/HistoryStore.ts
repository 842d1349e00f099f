import { Knex } from 'knex';
import {
  EntityRow,
  EventRow,
  ScoreRow,
  TeamDayRow,
  TeamWindowRow,
} from './rows';

/**
 * Rows per statement. SQLite compiles a multi-row upsert into a compound SELECT, which
 * it caps at 500 terms; this also keeps well under both databases' parameter limits.
 */
const CHUNK = 250;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** SQLite returns booleans as 0/1. */
function toEntityRow(raw: any): EntityRow {
  return { ...raw, deleted: Boolean(raw.deleted), demo: Boolean(raw.demo) };
}

/** Everything one entity's snapshot writes, applied atomically. */
export interface EntityChange {
  row: EntityRow;
  events: EventRow[];
  score?: ScoreRow;
}

/** The columns a snapshot may overwrite; created_at belongs to the created event. */
const SNAPSHOT_COLUMNS: Array<keyof EntityRow> = [
  'team_ref',
  'title',
  'type',
  'lifecycle',
  'level',
  'score',
  'failing_checks',
  'template_ref',
  'reached_production_at',
  'last_seen_at',
  'deleted',
  'demo',
];

export interface RecordCreatedInput {
  taskId: string;
  entityRef: string;
  templateRef: string | null;
  teamRef: string | null;
  createdAt: string;
  outcome: 'succeeded' | 'failed';
}

export interface TemplateRow {
  template_ref: string;
  team_ref: string;
  level: number;
  lifecycle: string;
}

/** All reads and writes of the history tables. */
export class HistoryStore {
  constructor(private readonly db: Knex) {}

  async getEntityStates(): Promise<Map<string, EntityRow>> {
    const rows = await this.db('mlops_entities').select();
    return new Map(rows.map(raw => [raw.entity_ref, toEntityRow(raw)]));
  }

  async getEntity(entityRef: string): Promise<EntityRow | undefined> {
    const raw = await this.db('mlops_entities')
      .where({ entity_ref: entityRef })
      .first();
    return raw ? toEntityRow(raw) : undefined;
  }

  async listTeamEntities(teamRef: string): Promise<EntityRow[]> {
    const rows = await this.db('mlops_entities')
      .where({ team_ref: teamRef, deleted: false })
      .orderBy('entity_ref');
    return rows.map(toEntityRow);
  }

  /** The current (not deleted) use cases, for the rollups. */
  async listLiveEntities(): Promise<EntityRow[]> {
    const rows = await this.db('mlops_entities').where({ deleted: false });
    return rows.map(toEntityRow);
  }

  /** When the scaffolder created each of the given entities, from its created events. */
  async getCreatedEvents(entityRefs: string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const refs of chunks(entityRefs)) {
      const rows: Array<{ entity_ref: string; at: string }> = await this.db(
        'mlops_events',
      )
        .where({ type: 'created', outcome: 'succeeded' })
        .whereIn('entity_ref', refs)
        .groupBy('entity_ref')
        .select('entity_ref')
        .min({ at: 'at' });
      for (const row of rows) {
        result.set(row.entity_ref, row.at);
      }
    }
    return result;
  }

  /**
   * Writes a batch of entity changes in one transaction: after a crash either the whole
   * batch is there (and the next snapshot sees no difference) or none of it is (and the
   * next snapshot computes it again), so nothing is lost or doubled.
   */
  async applyChanges(changes: EntityChange[]): Promise<void> {
    if (changes.length === 0) {
      return;
    }
    await this.db.transaction(async tx => {
      for (const batch of chunks(changes)) {
        await tx('mlops_entities')
          .insert(batch.map(c => c.row))
          .onConflict('entity_ref')
          .merge(SNAPSHOT_COLUMNS);
        for (const events of chunks(batch.flatMap(c => c.events))) {
          await tx('mlops_events')
            .insert(events)
            .onConflict('dedupe_key')
            .ignore();
        }
        const scores = batch.flatMap(c => (c.score ? [c.score] : []));
        if (scores.length > 0) {
          await tx('mlops_entity_scores')
            .insert(scores)
            .onConflict(['entity_ref', 'day'])
            .merge(['level', 'score']);
        }
      }
    });
  }

  /**
   * Records that a scaffolder task created a use case. Idempotent on the task id even
   * under concurrent calls: the unique dedupe key lets exactly one insert win.
   */
  async recordCreated(input: RecordCreatedInput): Promise<boolean> {
    return this.db.transaction(async tx => {
      const inserted = await tx('mlops_events')
        .insert({
          entity_ref: input.entityRef,
          type: 'created',
          at: input.createdAt,
          task_id: input.taskId,
          template_ref: input.templateRef,
          team_ref: input.teamRef,
          outcome: input.outcome,
          dedupe_key: `created:${input.taskId}`,
        })
        .onConflict('dedupe_key')
        .ignore()
        .returning('id');
      if (inserted.length === 0) {
        return false;
      }
      if (input.outcome === 'succeeded') {
        await tx('mlops_entities')
          .where({ entity_ref: input.entityRef })
          .update({ created_at: input.createdAt });
      }
      return true;
    });
  }

  /**
   * Makes every entity's created_at the earliest successful created event, for events
   * that arrived while a snapshot was writing the entity's first row.
   */
  async reconcileCreatedAt(): Promise<void> {
    const earliest = this.db('mlops_events as e')
      .min('e.at')
      .where('e.type', 'created')
      .where('e.outcome', 'succeeded')
      .whereRaw('e.entity_ref = mlops_entities.entity_ref');
    await this.db('mlops_entities')
      .whereExists(earliest.clone().clearSelect().select(this.db.raw('1')))
      .where(q =>
        q.whereNull('created_at').orWhere('created_at', '<>', earliest.clone()),
      )
      .update({ created_at: earliest });
  }

  async listEvents(
    entityRef: string,
  ): Promise<Array<EventRow & { id: number }>> {
    return this.db('mlops_events')
      .where({ entity_ref: entityRef })
      .orderBy([{ column: 'at' }, { column: 'id' }]);
  }

  async listScores(entityRef: string): Promise<ScoreRow[]> {
    return this.db('mlops_entity_scores')
      .where({ entity_ref: entityRef })
      .orderBy('day');
  }

  /** Adds score changes (demo seeding); a day already recorded is kept. */
  async insertScores(rows: ScoreRow[]): Promise<void> {
    for (const batch of chunks(rows)) {
      await this.db('mlops_entity_scores')
        .insert(batch)
        .onConflict(['entity_ref', 'day'])
        .ignore();
    }
  }

  /** Replaces one day's rollups atomically (a re-run of the same day overwrites them). */
  async replaceTeamDays(day: string, rows: TeamDayRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('mlops_team_days').where({ day }).delete();
      for (const batch of chunks(rows)) {
        await tx('mlops_team_days').insert(batch);
      }
    });
  }

  /** Adds rollups for past days (demo seeding); existing days are kept. */
  async insertTeamDays(rows: TeamDayRow[]): Promise<void> {
    for (const batch of chunks(rows)) {
      await this.db('mlops_team_days')
        .insert(batch)
        .onConflict(['team_ref', 'day'])
        .ignore();
    }
  }

  async listTeamDays(
    fromDay: string,
  ): Promise<
    Array<Pick<TeamDayRow, 'team_ref' | 'day' | 'use_cases' | 'level_sum'>>
  > {
    return this.db('mlops_team_days')
      .where('day', '>=', fromDay)
      .select('team_ref', 'day', 'use_cases', 'level_sum');
  }

  /** Replaces all precomputed summaries atomically, so readers never see a half set. */
  async replaceTeamWindows(rows: TeamWindowRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('mlops_team_windows').delete();
      for (const batch of chunks(rows, 200)) {
        await tx('mlops_team_windows').insert(batch);
      }
    });
  }

  async readTeamWindows(
    windowDays: number,
    period: string,
    teamRef?: string,
  ): Promise<TeamWindowRow[]> {
    const query = this.db('mlops_team_windows').where({
      window_days: windowDays,
      period,
    });
    if (teamRef) {
      query.where({ team_ref: teamRef });
    }
    return query.orderBy('team_ref');
  }

  async listTemplateUseCases(): Promise<TemplateRow[]> {
    return this.db('mlops_entities')
      .whereNotNull('template_ref')
      .where({ deleted: false })
      .select('template_ref', 'team_ref', 'level', 'lifecycle');
  }

  async countTemplateRuns(): Promise<
    Array<{ template_ref: string; outcome: string; runs: number }>
  > {
    const rows = await this.db('mlops_events')
      .where({ type: 'created' })
      .whereNotNull('template_ref')
      .groupBy('template_ref', 'outcome')
      .select('template_ref', 'outcome')
      .count({ runs: '*' });
    return rows.map((r: any) => ({ ...r, runs: Number(r.runs) }));
  }

  /** Deletes history older than the cutoff; returns the rows deleted per table. */
  async enforceRetention(cutoffDay: string): Promise<Record<string, number>> {
    const cutoff = `${cutoffDay}T00:00:00.000Z`;
    return {
      events: await this.db('mlops_events').where('at', '<', cutoff).delete(),
      scores: await this.db('mlops_entity_scores')
        .where('day', '<', cutoffDay)
        .delete(),
      teamDays: await this.db('mlops_team_days')
        .where('day', '<', cutoffDay)
        .delete(),
      entities: await this.db('mlops_entities')
        .where({ deleted: true })
        .where('last_seen_at', '<', cutoff)
        .delete(),
    };
  }

  async getMeta(key: string): Promise<string | undefined> {
    const row = await this.db('mlops_meta').where({ key }).first();
    return row?.value;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db('mlops_meta')
      .insert({ key, value })
      .onConflict('key')
      .merge(['value']);
  }
}
