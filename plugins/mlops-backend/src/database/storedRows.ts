import { Knex } from 'knex';
import {
  fromDayNumber,
  fromMillis,
  fromMillisOrNull,
  toDayNumber,
  toMillis,
  toMillisOrNull,
} from './encoding';
import { fromTypeCode, toTypeCode } from './eventTypes';
import {
  ScorePoint,
  UseCaseEvent,
  UseCaseSummary,
} from '@landing-zone/plugin-mlops-common';
import { EntityRow, EventRow, RunRow, ScoreRow } from './rows';

/*
 * Conversions between the rows the plugin works with (rows.ts) and what the tables hold
 * (integer ids, epoch milliseconds, day numbers). Every stored row names all its
 * columns, so a multi-row insert never depends on column defaults.
 */

/** Entities with their team ref, for reading. */
export function selectEntities(db: Knex) {
  return db('mlops_entities as e')
    .join('mlops_teams as t', 't.id', 'e.team_id')
    .select(
      'e.entity_ref',
      't.team_ref',
      'e.title',
      'e.type',
      'e.lifecycle',
      'e.level',
      'e.score',
      'e.failing_checks',
      'e.template_ref',
      'e.created_at',
      'e.reached_production_at',
      'e.production_evidence',
      'e.removed_at',
      'e.demo',
      'e.observed_checks',
      'e.observable_checks',
    );
}

export function fromStoredEntity(raw: any): EntityRow {
  return {
    entity_ref: raw.entity_ref,
    team_ref: raw.team_ref,
    title: raw.title,
    type: raw.type,
    lifecycle: raw.lifecycle,
    level: raw.level,
    score: raw.score,
    failing_checks: raw.failing_checks,
    template_ref: raw.template_ref,
    created_at: fromMillisOrNull(raw.created_at),
    reached_production_at: fromMillisOrNull(raw.reached_production_at),
    production_evidence: raw.production_evidence ?? null,
    removed_at: fromMillisOrNull(raw.removed_at),
    // SQLite returns booleans as 0/1.
    demo: Boolean(raw.demo),
    observed_checks: raw.observed_checks ?? null,
    observable_checks: raw.observable_checks ?? null,
  };
}

export function toStoredEntity(row: EntityRow, teamId: number) {
  return {
    entity_ref: row.entity_ref,
    team_id: teamId,
    title: row.title,
    type: row.type,
    lifecycle: row.lifecycle,
    level: row.level,
    score: row.score,
    failing_checks: row.failing_checks,
    template_ref: row.template_ref,
    created_at: toMillisOrNull(row.created_at),
    reached_production_at: toMillisOrNull(row.reached_production_at),
    production_evidence: row.production_evidence,
    removed_at: toMillisOrNull(row.removed_at),
    demo: row.demo,
    observed_checks: row.observed_checks,
    observable_checks: row.observable_checks,
  };
}

export function toStoredEvent(event: EventRow, entityId: number) {
  return {
    entity_id: entityId,
    at: toMillis(event.at),
    type: toTypeCode(event.type),
    from_level: event.from_level ?? null,
    to_level: event.to_level ?? null,
    from_lifecycle: event.from_lifecycle ?? null,
    to_lifecycle: event.to_lifecycle ?? null,
  };
}

export function toStoredScore(score: ScoreRow, entityId: number) {
  return {
    entity_id: entityId,
    day: toDayNumber(score.day),
    level: score.level,
    score: score.score,
  };
}

export function toStoredRun(run: RunRow) {
  return { ...run, at: toMillis(run.at) };
}

/** A stored entity as the API describes a use case. */
export function toUseCaseSummary(row: EntityRow): UseCaseSummary {
  return {
    entityRef: row.entity_ref,
    title: row.title,
    type: row.type,
    lifecycle: row.lifecycle,
    level: row.level,
    score: row.score,
    failingChecks: row.failing_checks ? row.failing_checks.split(',') : [],
    createdAt: row.created_at,
    reachedProductionAt: row.reached_production_at,
    ...(row.production_evidence
      ? { productionEvidence: row.production_evidence }
      : {}),
    template: row.template_ref,
    observedChecks: row.observed_checks,
    observableChecks: row.observable_checks,
  };
}

/** A stored snapshot event as an entity's history lists it; absent fields are left out. */
export function toUseCaseEvent(raw: any): UseCaseEvent {
  const event: UseCaseEvent = {
    type: fromTypeCode(raw.type),
    at: fromMillis(raw.at),
  };
  if (raw.from_level !== null && raw.from_level !== undefined) {
    event.fromLevel = raw.from_level;
  }
  if (raw.to_level !== null && raw.to_level !== undefined) {
    event.toLevel = raw.to_level;
  }
  if (raw.from_lifecycle) {
    event.fromLifecycle = raw.from_lifecycle;
  }
  if (raw.to_lifecycle) {
    event.toLifecycle = raw.to_lifecycle;
  }
  return event;
}

export function toScorePoint(raw: any): ScorePoint {
  return { day: fromDayNumber(raw.day), level: raw.level, score: raw.score };
}
