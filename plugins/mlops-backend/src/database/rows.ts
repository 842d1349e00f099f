import { UseCaseEventType } from '@landing-zone/plugin-mlops-common';

/** A row of `mlops_entities`: one use case's current state. */
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
  first_seen_at: string;
  last_seen_at: string;
  deleted: boolean;
  demo: boolean;
}

/** A row of `mlops_events` as written (the id is assigned by the database). */
export interface EventRow {
  entity_ref: string;
  type: UseCaseEventType;
  at: string;
  from_level?: number | null;
  to_level?: number | null;
  from_lifecycle?: string | null;
  to_lifecycle?: string | null;
  task_id?: string | null;
  template_ref?: string | null;
  team_ref?: string | null;
  outcome?: string | null;
  /** Set for once-only events; a second insert with the same key is ignored. */
  dedupe_key?: string | null;
}

/** A row of `mlops_entity_scores`. */
export interface ScoreRow {
  entity_ref: string;
  day: string;
  level: number;
  score: number;
}

/** A row of `mlops_team_days`. */
export interface TeamDayRow {
  team_ref: string;
  day: string;
  use_cases: number;
  in_production: number;
  flow_load: number;
  level_sum: number;
  score_sum: number;
  /** JSON array: use cases per level. */
  levels: string;
}

/** A row of `mlops_team_windows`. */
export interface TeamWindowRow {
  team_ref: string;
  window_days: number;
  period: string;
  /** JSON of a TeamWindowSummary. */
  summary: string;
}

/** The team ref under which organisation-wide rollups are stored. */
export const ORGANISATION = '*';
