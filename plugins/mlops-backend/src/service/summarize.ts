import { ValueSettings } from '../config';
import { GetOverview } from '../schema/openapi';
import { TeamSummary, ValueSaved } from '@landing-zone/plugin-mlops-common';
import { FlowFact, flowMetrics } from './flowMetrics';
import { addDays, leadTimeDays, leadTimeStats, round1 } from './stats';

/** Trend bucket size. */
export type Period = 'week' | 'month';

/** Days a figure covers. */
export type Window = 30 | 90 | 365;

/**
 * The `window` query parameter (as openapi.yaml lists it) to days: a window added to the
 * spec is a type error here until it is mapped.
 */
export const WINDOW_OF_PARAM: Record<
  NonNullable<GetOverview['query']['window']>,
  Window
> = { '30': 30, '90': 90, '365': 365 };

export const WINDOWS: Window[] = Object.values(WINDOW_OF_PARAM);
export const PERIODS: Period[] = ['week', 'month'];

const PERIOD_DAYS: Record<Period, number> = { week: 7, month: 30 };

/** The bucket size a window uses when the caller does not choose one. */
export function defaultPeriod(window: Window): Period {
  return window === 365 ? 'month' : 'week';
}

/** What the summaries need to know about one (not deleted) use case. */
export interface UseCaseFacts {
  level: number;
  score: number;
  lifecycle: string;
  createdAt: string | null;
  reachedProductionAt: string | null;
  /** How reachedProductionAt is known; null when not recorded (rows from before facts). */
  productionEvidence?: 'observed' | 'declared' | null;
  templateRef: string | null;
  /** Observed / observable checks; null when the level was not evaluated on facts. */
  observedChecks?: number | null;
  observableChecks?: number | null;
  /** Its production deployments, retraining runs and breached drift checks, oldest first. */
  flow?: readonly FlowFact[];
}

/** Flow metrics of the window, when the snapshot read the fact history. */
function flowOf(useCases: UseCaseFacts[], start: string, end: string) {
  if (!useCases.some(u => u.flow !== undefined)) return {};
  return {
    flow: flowMetrics(
      useCases.map(u => u.flow),
      Date.parse(`${start}T00:00:00Z`),
      Date.parse(`${end}T23:59:59.999Z`),
    ),
  };
}

/** Observed checks over observable ones, across the use cases evaluated on facts. */
function evidenceShare(useCases: UseCaseFacts[]) {
  let observedChecks = 0;
  let observableChecks = 0;
  let measured = false;
  for (const useCase of useCases) {
    if (
      useCase.observableChecks === null ||
      useCase.observableChecks === undefined
    )
      continue;
    measured = true;
    observedChecks += useCase.observedChecks ?? 0;
    observableChecks += useCase.observableChecks;
  }
  return measured ? { evidence: { observedChecks, observableChecks } } : {};
}

/** A team's state at the end of a day, from the daily rollup. */
export interface DayState {
  useCases: number;
  levelSum: number;
}

/** A team's figures for one window and period (the API's TeamSummary plus the value saved). */
export type Summary = Omit<TeamSummary, 'teamRef' | 'title'> & {
  valueSaved: ValueSaved;
};

/** What `mlops_team_windows.summary` holds: a team's figures with its ref and title. */
export type TeamWindowSummary = TeamSummary & { valueSaved: ValueSaved };

/** The figures of a team (or the organisation) with no use cases yet. */
export function emptyTeamWindowSummary(
  teamRef: string,
  levelCount: number,
  currency: string,
): TeamWindowSummary {
  return {
    teamRef,
    title: teamRef,
    useCases: 0,
    inProduction: 0,
    levels: new Array<number>(levelCount).fill(0),
    averageLevel: 0,
    averageScore: 0,
    throughput: 0,
    leadTime: { medianDays: null, p85Days: null, count: 0 },
    flowLoad: 0,
    trend: [],
    valueSaved: { hours: 0, currency, amount: 0 },
  };
}

export interface SummarizeInput {
  useCases: UseCaseFacts[];
  /** Daily states keyed by day (YYYY-MM-DD). */
  dayStates: Map<string, DayState>;
  window: Window;
  period: Period;
  /** Last day of the window, inclusive. */
  today: string;
  levelCount: number;
  value: ValueSettings;
}

interface Bucket {
  start: string;
  end: string;
}

/**
 * Buckets of `period` days that end today and cover the window; the oldest bucket is
 * cut at the window start so every bucket lies inside the window.
 */
export function trendBuckets(
  today: string,
  window: Window,
  period: Period,
): Bucket[] {
  const windowStart = addDays(today, -(window - 1));
  const size = PERIOD_DAYS[period];
  const buckets: Bucket[] = [];
  let end = today;
  while (end >= windowStart) {
    const start = addDays(end, -(size - 1));
    buckets.unshift({ start: start < windowStart ? windowStart : start, end });
    end = addDays(start, -1);
  }
  return buckets;
}

function within(instant: string | null, bucket: Bucket): boolean {
  if (!instant) {
    return false;
  }
  const day = instant.slice(0, 10);
  return day >= bucket.start && day <= bucket.end;
}

function reachedLeadTimes(useCases: UseCaseFacts[], bucket: Bucket): number[] {
  return useCases
    .filter(u => within(u.reachedProductionAt, bucket))
    .map(u =>
      leadTimeDays(
        u.createdAt ?? u.reachedProductionAt!,
        u.reachedProductionAt!,
      ),
    );
}

function averageLevelAt(
  dayStates: Map<string, DayState>,
  bucket: Bucket,
): number | null {
  // The latest day inside the bucket that has a rollup: snapshots may skip days.
  for (let day = bucket.end; day >= bucket.start; day = addDays(day, -1)) {
    const state = dayStates.get(day);
    if (state && state.useCases > 0) {
      return round1(state.levelSum / state.useCases);
    }
  }
  return null;
}

/** Computes the figures of one team (or the whole organisation) for a window. */
export function summarize(input: SummarizeInput): Summary {
  const { useCases, window, today, value } = input;
  const windowBucket = { start: addDays(today, -(window - 1)), end: today };

  const levels = new Array<number>(input.levelCount).fill(0);
  let levelSum = 0;
  let scoreSum = 0;
  for (const useCase of useCases) {
    const level = Math.min(useCase.level, input.levelCount - 1);
    levels[level] += 1;
    levelSum += useCase.level;
    scoreSum += useCase.score;
  }
  const count = useCases.length;
  const leadTimes = reachedLeadTimes(useCases, windowBucket);
  const selfServed = useCases.filter(
    u => u.templateRef && within(u.createdAt, windowBucket),
  ).length;
  const hours = round1(
    selfServed * (value.manualOnboardingHours - value.selfServeHours),
  );

  return {
    useCases: count,
    inProduction: useCases.filter(u => u.lifecycle === 'production').length,
    levels,
    averageLevel: count ? round1(levelSum / count) : 0,
    averageScore: count ? round1(scoreSum / count) : 0,
    throughput: leadTimes.length,
    leadTime: {
      ...leadTimeStats(leadTimes),
      // Only a production deployment fact counts as observed; the lifecycle string (and a
      // row recorded before the evidence was) is a declaration.
      declared: useCases.filter(
        u =>
          within(u.reachedProductionAt, windowBucket) &&
          u.productionEvidence !== 'observed',
      ).length,
    },
    flowLoad: useCases.filter(u => !u.reachedProductionAt).length,
    trend: trendBuckets(today, window, input.period).map(bucket => {
      const bucketLeadTimes = reachedLeadTimes(useCases, bucket);
      return {
        period: bucket.start,
        throughput: bucketLeadTimes.length,
        leadTimeMedianDays: leadTimeStats(bucketLeadTimes).medianDays,
        created: useCases.filter(u => within(u.createdAt, bucket)).length,
        averageLevel: averageLevelAt(input.dayStates, bucket),
      };
    }),
    ...evidenceShare(useCases),
    ...flowOf(useCases, windowBucket.start, windowBucket.end),
    valueSaved: {
      hours,
      currency: value.currency,
      amount: round1(hours * value.hourlyCost),
    },
  };
}
