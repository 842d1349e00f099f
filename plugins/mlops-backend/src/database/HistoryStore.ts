import { Knex } from 'knex';
import { chunks } from './chunks';
import { fromMillis, toDayNumber, toMillis } from './encoding';
import { EntityChange, insertScores, writeEntityChanges } from './entityWrites';
import { enforceRetention } from './retention';
import {
  insertTeamDayRows,
  listTeamDays,
  readTeamWindows,
  syncTeamWindows,
} from './rollupRows';
import { EntityRow, RunRow, ScoreRow, TeamDayRow, TeamWindow } from './rows';
import {
  fromStoredEntity,
  selectEntities,
  toScorePoint,
  toStoredRun,
  toUseCaseEvent,
  toUseCaseSummary,
} from './storedRows';
import {
  ScorePoint,
  UseCaseEvent,
  UseCaseSummary,
} from '@landing-zone/plugin-mlops-common';

export type { EntityChange } from './entityWrites';

export interface RecordCreatedInput {
  taskId: string;
  entityRef: string;
  templateRef: string | null;
  createdAt: string;
  outcome: 'succeeded' | 'failed';
}

/** A live use case created from a template. */
export interface TemplateUseCase {
  templateRef: string;
  teamRef: string;
  level: number;
  lifecycle: string;
}

/** How many recorded runs of a template ended how. */
export interface TemplateRunCount {
  templateRef: string;
  outcome: 'succeeded' | 'failed';
  runs: number;
}

/** All reads and writes of the history tables. */
export class HistoryStore {
  constructor(private readonly db: Knex) {}

  async getEntityStates(): Promise<Map<string, EntityRow>> {
    const rows = await selectEntities(this.db);
    return new Map(rows.map(raw => [raw.entity_ref, fromStoredEntity(raw)]));
  }

  /** The stored row of an entity, removed or not (what the snapshot compares with). */
  async getEntity(entityRef: string): Promise<EntityRow | undefined> {
    const raw = await selectEntities(this.db)
      .where('e.entity_ref', entityRef)
      .first();
    return raw ? fromStoredEntity(raw) : undefined;
  }

  /** A use case still in the catalog; undefined when unknown or removed. */
  async getUseCase(entityRef: string): Promise<UseCaseSummary | undefined> {
    const raw = await selectEntities(this.db)
      .where('e.entity_ref', entityRef)
      .whereNull('e.removed_at')
      .first();
    return raw ? toUseCaseSummary(fromStoredEntity(raw)) : undefined;
  }

  /** A team's use cases still in the catalog, by entity ref. */
  async listTeamUseCases(teamRef: string): Promise<UseCaseSummary[]> {
    const rows = await selectEntities(this.db)
      .where('t.team_ref', teamRef)
      .whereNull('e.removed_at')
      .orderBy('e.entity_ref');
    return rows.map(raw => toUseCaseSummary(fromStoredEntity(raw)));
  }

  /** The current (not removed) use cases, for the rollups. */
  async listLiveEntities(): Promise<EntityRow[]> {
    const rows = await selectEntities(this.db).whereNull('e.removed_at');
    return rows.map(fromStoredEntity);
  }

  /** When the scaffolder created each of the given entities, from its runs. */
  async getCreatedEvents(entityRefs: string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const refs of chunks(entityRefs)) {
      const rows: Array<{ entity_ref: string; at: number | string }> =
        await this.db('mlops_runs')
          .where({ outcome: 'succeeded' })
          .whereIn('entity_ref', refs)
          .groupBy('entity_ref')
          .select('entity_ref')
          .min({ at: 'at' });
      for (const row of rows) {
        result.set(row.entity_ref, fromMillis(row.at));
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
    if (changes.length > 0) {
      await this.db.transaction(tx => writeEntityChanges(tx, changes));
    }
  }

  /**
   * Records that a scaffolder task created a use case. Idempotent on the task id even
   * under concurrent calls: the task id is the key, so exactly one insert wins.
   */
  async recordCreated(input: RecordCreatedInput): Promise<boolean> {
    return this.db.transaction(async tx => {
      const inserted = await tx('mlops_runs')
        .insert(
          toStoredRun({
            task_id: input.taskId,
            entity_ref: input.entityRef,
            template_ref: input.templateRef,
            outcome: input.outcome,
            at: input.createdAt,
          }),
        )
        .onConflict('task_id')
        .ignore()
        .returning('task_id');
      if (inserted.length === 0) {
        return false;
      }
      if (input.outcome === 'succeeded') {
        await tx('mlops_entities')
          .where({ entity_ref: input.entityRef })
          .update({ created_at: toMillis(input.createdAt) });
      }
      return true;
    });
  }

  /**
   * Adds scaffolder runs (demo seeding, failed runs read from the scaffolder); a task already
   * recorded is kept. Returns how many were new.
   */
  async insertRuns(runs: RunRow[]): Promise<number> {
    let inserted = 0;
    for (const batch of chunks(runs)) {
      const rows = await this.db('mlops_runs')
        .insert(batch.map(toStoredRun))
        .onConflict('task_id')
        .ignore()
        .returning('task_id');
      inserted += rows.length;
    }
    return inserted;
  }

  /**
   * Makes every entity's created_at the earliest successful scaffolder run, for runs
   * recorded while a snapshot was writing the entity's first row.
   */
  async reconcileCreatedAt(): Promise<void> {
    const earliest = this.db('mlops_runs as r')
      .min('r.at')
      .where('r.outcome', 'succeeded')
      .whereRaw('r.entity_ref = mlops_entities.entity_ref');
    await this.db('mlops_entities')
      .whereExists(earliest.clone().clearSelect().select(this.db.raw('1')))
      .where(q =>
        q.whereNull('created_at').orWhere('created_at', '<>', earliest.clone()),
      )
      .update({ created_at: earliest });
  }

  /**
   * The entity's scaffolder runs and snapshot events, oldest first. A run comes first at
   * the same instant: the scaffolder records it before a snapshot can see the entity.
   */
  async listEvents(entityRef: string): Promise<UseCaseEvent[]> {
    // A failed run created nothing (often the name was already taken): not this entity's event.
    const runs = await this.db('mlops_runs')
      .where({ entity_ref: entityRef, outcome: 'succeeded' })
      .orderBy([{ column: 'at' }, { column: 'task_id' }]);
    const events = await this.db('mlops_events as v')
      .join('mlops_entities as e', 'e.id', 'v.entity_id')
      .where('e.entity_ref', entityRef)
      .orderBy(['v.at', 'v.type'])
      .select('v.*');
    const merged: UseCaseEvent[] = [
      ...runs.map(raw => ({
        type: 'created' as const,
        at: fromMillis(raw.at),
      })),
      ...events.map(toUseCaseEvent),
    ];
    // Array.prototype.sort is stable, so runs stay ahead of events at equal instants.
    return merged.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  /** The entity's level and score on each day they changed, oldest first. */
  async listScores(entityRef: string): Promise<ScorePoint[]> {
    const rows = await this.db('mlops_entity_scores as s')
      .join('mlops_entities as e', 'e.id', 's.entity_id')
      .where('e.entity_ref', entityRef)
      .orderBy('s.day')
      .select('s.day', 's.level', 's.score');
    return rows.map(toScorePoint);
  }

  /** Adds score changes of stored entities (demo seeding); a day already recorded is kept. */
  async insertScores(rows: ScoreRow[]): Promise<void> {
    await insertScores(this.db, rows);
  }

  /** Replaces one day's rollups atomically (a re-run of the same day overwrites them). */
  async replaceTeamDays(day: string, rows: TeamDayRow[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('mlops_team_days')
        .where({ day: toDayNumber(day) })
        .delete();
      await insertTeamDayRows(tx, rows);
    });
  }

  /** Adds rollups for past days (demo seeding); existing days are kept. */
  async insertTeamDays(rows: TeamDayRow[]): Promise<void> {
    await this.db.transaction(tx => insertTeamDayRows(tx, rows));
  }

  async listTeamDays(fromDay: string): Promise<TeamDayRow[]> {
    return listTeamDays(this.db, fromDay);
  }

  /** Replaces all precomputed summaries atomically, so readers never see a half set. */
  async replaceTeamWindows(windows: TeamWindow[]): Promise<void> {
    await this.db.transaction(tx => syncTeamWindows(tx, windows));
  }

  /** The summaries of one window and period (of one team, with `teamRef`), by team ref. */
  async readTeamWindows(
    windowDays: number,
    period: string,
    teamRef?: string,
  ): Promise<TeamWindow[]> {
    return readTeamWindows(this.db, windowDays, period, teamRef);
  }

  async listTemplateUseCases(): Promise<TemplateUseCase[]> {
    const rows = await this.db('mlops_entities as e')
      .join('mlops_teams as t', 't.id', 'e.team_id')
      .whereNotNull('e.template_ref')
      .whereNull('e.removed_at')
      .select('e.template_ref', 't.team_ref', 'e.level', 'e.lifecycle');
    return rows.map(raw => ({
      templateRef: raw.template_ref,
      teamRef: raw.team_ref,
      level: raw.level,
      lifecycle: raw.lifecycle,
    }));
  }

  async countTemplateRuns(): Promise<TemplateRunCount[]> {
    const rows = await this.db('mlops_runs')
      .whereNotNull('template_ref')
      .groupBy('template_ref', 'outcome')
      .select('template_ref', 'outcome')
      .count({ runs: '*' });
    return rows.map((raw: any) => ({
      templateRef: raw.template_ref,
      outcome: raw.outcome,
      runs: Number(raw.runs),
    }));
  }

  /** Deletes history older than the cutoff day; returns the rows deleted per table. */
  async enforceRetention(cutoffDay: string): Promise<Record<string, number>> {
    return enforceRetention(this.db, cutoffDay);
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
