import type { TeamWindowSummary } from '../service/summarize';
import { SnapshotEventType } from './eventTypes';

/** How a use case's reaching production is known. */
export type ProductionEvidence = 'observed' | 'declared';

/*
 * The rule of this folder: HistoryStore is the only way in. What the snapshot writes (and
 * compares) are the `*Row` types below, one per table, in the tables' column names; what
 * the API reads comes back as domain types (UseCaseSummary, UseCaseEvent, ScorePoint,
 * TeamWindow, TemplateUseCase) with nothing left to decode. Both use refs, ISO-8601
 * instants and YYYY-MM-DD days; the tables hold integer ids, epoch milliseconds and day
 * numbers (storedRows.ts, encoding.ts, the migrations).
 */

/** One use case's current state (`mlops_entities`). */
export interface EntityRow {
  entity_ref: string;
  team_ref: string;
  title: string;
  type: string;
  lifecycle: string;
  level: number;
  score: number;
  /** Comma-separated check ids. */
  failing_checks: string;
  template_ref: string | null;
  created_at: string | null;
  reached_production_at: string | null;
  /** Whether reached_production_at is a production deployment fact or the lifecycle string. */
  production_evidence: ProductionEvidence | null;
  /** When a snapshot no longer found it in the catalog; null while it is there. */
  removed_at: string | null;
  demo: boolean;
  /** Checks observed now / checks a source can observe; null when not evaluated on facts. */
  observed_checks: number | null;
  observable_checks: number | null;
}

/**
 * The fields a snapshot owns: what it compares to decide whether an entity changed, and
 * what it may overwrite. created_at belongs to the scaffolder's created event.
 */
export const SNAPSHOT_FIELDS = [
  'team_ref',
  'title',
  'type',
  'lifecycle',
  'level',
  'score',
  'failing_checks',
  'template_ref',
  'reached_production_at',
  'production_evidence',
  'removed_at',
  'demo',
  'observed_checks',
  'observable_checks',
] as const satisfies ReadonlyArray<keyof EntityRow>;

/** A snapshot event (`mlops_events`). */
export interface EventRow {
  entity_ref: string;
  type: SnapshotEventType;
  at: string;
  from_level?: number | null;
  to_level?: number | null;
  from_lifecycle?: string | null;
  to_lifecycle?: string | null;
}

/** A scaffolder run that created a use case (`mlops_runs`): the `created` event. */
export interface RunRow {
  task_id: string;
  entity_ref: string;
  template_ref: string | null;
  outcome: 'succeeded' | 'failed';
  at: string;
}

/** An entity's level and score on a day they changed (`mlops_entity_scores`). */
export interface ScoreRow {
  entity_ref: string;
  day: string;
  level: number;
  score: number;
}

/** A team's state at the end of a day (`mlops_team_days`). */
export interface TeamDayRow {
  team_ref: string;
  day: string;
  use_cases: number;
  level_sum: number;
}

/** A team's precomputed figures for one window and trend period (`mlops_team_windows`). */
export interface TeamWindow {
  teamRef: string;
  window: number;
  period: string;
  summary: TeamWindowSummary;
}

/** The team ref under which organisation-wide rollups are stored. */
export const ORGANISATION = '*';
