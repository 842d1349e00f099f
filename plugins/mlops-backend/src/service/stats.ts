import { LeadTimeStats } from '@landing-zone/plugin-mlops-common';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One decimal is the precision every figure of the API carries. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * The q-quantile (0..1) of unsorted values, linearly interpolated between the two nearest
 * ranks (the same definition as numpy's and spreadsheets' PERCENTILE), or null when empty.
 */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Lead time = reached production − created, in days, never negative. */
export function leadTimeDays(createdAt: string, reachedAt: string): number {
  const days = (Date.parse(reachedAt) - Date.parse(createdAt)) / DAY_MS;
  return Math.max(0, days);
}

/** Median and p85 of lead times in days. */
export function leadTimeStats(days: number[]): LeadTimeStats {
  const median = quantile(days, 0.5);
  const p85 = quantile(days, 0.85);
  return {
    medianDays: median === null ? null : round1(median),
    p85Days: p85 === null ? null : round1(p85),
    count: days.length,
  };
}

/** The UTC day (YYYY-MM-DD) of an instant. */
export function dayOf(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return date.toISOString().slice(0, 10);
}

/** The day `days` days after (or before, when negative) `day`. */
export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS));
}
