/*
 * Wire types of the mlops backend REST API (`/api/mlops`). The backend's OpenAPI document
 * describes the same shapes; the frontend's client consumes these types.
 */

/** @public */
export type Window = 30 | 90 | 365;

/** Level distribution: index = level, value = number of use cases at that level. @public */
export type LevelCounts = number[];

/** @public */
export interface LeadTimeStats {
  /** Days, null when no use case reached production in the window. */
  medianDays: number | null;
  p85Days: number | null;
  count: number;
}

/** One point of a time series; `period` is the ISO date (YYYY-MM-DD) the bucket starts. @public */
export interface TrendPoint {
  period: string;
  /** Use cases that reached production in the bucket. */
  throughput: number;
  /** Median lead time (days) of those, null when none. */
  leadTimeMedianDays: number | null;
  /** Use cases created in the bucket. */
  created: number;
  /** Average maturity level of the team's use cases at the end of the bucket. */
  averageLevel: number | null;
}

/** @public */
export interface OverviewResponse {
  window: Window;
  generatedAt: string;
  /** True when the numbers include generated demo history (dev config only). */
  demo: boolean;
  kpis: {
    useCases: number;
    inProduction: number;
    throughput: number;
    leadTime: LeadTimeStats;
    flowLoad: number;
    valueSaved: { hours: number; currency: string; amount: number };
  };
  levels: LevelCounts;
  levelNames: string[];
  trend: TrendPoint[];
}

/** @public */
export interface TeamSummary {
  /** Group entity ref, e.g. "group:default/fraud-analytics". */
  teamRef: string;
  title: string;
  useCases: number;
  inProduction: number;
  levels: LevelCounts;
  averageLevel: number;
  averageScore: number;
  throughput: number;
  leadTime: LeadTimeStats;
  flowLoad: number;
  /** Level trend: average level at the end of each bucket in the window. */
  trend: TrendPoint[];
}

/** @public */
export interface TeamsResponse {
  window: Window;
  levelNames: string[];
  teams: TeamSummary[];
}

/** @public */
export interface UseCaseSummary {
  entityRef: string;
  title: string;
  type: string;
  lifecycle: string;
  level: number;
  score: number;
  failingChecks: string[];
  createdAt: string | null;
  reachedProductionAt: string | null;
  template: string | null;
}

/** @public */
export interface TeamDetailResponse {
  team: TeamSummary;
  useCases: UseCaseSummary[];
  /** Names of the maturity levels, index = level (as in TeamsResponse). Optional for older backends. */
  levelNames?: string[];
}

/** @public */
export type UseCaseEventType =
  | 'created'
  | 'first-seen'
  | 'level-changed'
  | 'lifecycle-changed'
  | 'reached-production'
  | 'removed';

/** @public */
export interface UseCaseEvent {
  type: UseCaseEventType;
  at: string;
  fromLevel?: number | null;
  toLevel?: number | null;
  fromLifecycle?: string | null;
  toLifecycle?: string | null;
}

/** @public */
export interface EntityHistoryResponse {
  entityRef: string;
  current: UseCaseSummary | null;
  events: UseCaseEvent[];
  /** Daily level/score series (one point per day a snapshot exists). */
  series: Array<{ day: string; level: number; score: number }>;
}

/** @public */
export interface TemplateAnalytics {
  templateRef: string;
  useCases: number;
  teams: string[];
  levels: LevelCounts;
  inProduction: number;
  runs: { succeeded: number; failed: number };
}

/** @public */
export interface TemplatesResponse {
  levelNames: string[];
  templates: TemplateAnalytics[];
}
