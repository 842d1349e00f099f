/*
 * What every benchmark shares: summarising timed samples and saving figures where
 * scripts/bench.js tells it to (BENCH_RESULTS_DIR), so results of all benches land together.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Median of the samples; the middle value is less sensitive to a noisy round than the mean. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds elapsed since `start` (a `performance.now()` reading). */
export const msSince = (start: number) => performance.now() - start;

/** Writes the figures as `<name>.json` into the results directory, when there is one. */
export function writeBenchResults(name: string, figures: unknown): void {
  const dir = process.env.BENCH_RESULTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, `${name}.json`),
    `${JSON.stringify(figures, null, 2)}\n`,
  );
}

/** "met" / "NOT met", printed next to a figure and its target. */
export const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
