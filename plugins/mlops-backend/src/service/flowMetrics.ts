import type { FlowMetrics } from '@landing-zone/plugin-mlops-common';

/** The facts flow metrics count: production deployments, retraining runs, breached drift checks. */
export interface FlowFact {
  kind: 'production-deployment' | 'retraining' | 'drift-breached';
  /** Epoch milliseconds. */
  at: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const round1 = (n: number) => Math.round(n * 10) / 10;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Deployment and retraining frequency and drift recovery time over `[startMs, endMs]`,
 * from each use case's flow facts (oldest first). A breach counts once, recovered by the
 * first production deployment of the same use case after it.
 */
export function flowMetrics(
  perUseCase: Array<readonly FlowFact[] | undefined>,
  startMs: number,
  endMs: number,
): FlowMetrics {
  let productionDeployments = 0;
  let retrainings = 0;
  let driftBreaches = 0;
  const recoveries: number[] = [];
  for (const facts of perUseCase) {
    if (!facts) continue;
    let openBreach: number | undefined;
    for (const fact of facts) {
      if (fact.at > endMs) break;
      const inWindow = fact.at >= startMs;
      if (fact.kind === 'drift-breached') {
        if (inWindow) driftBreaches++;
        if (inWindow && openBreach === undefined) openBreach = fact.at;
      } else if (fact.kind === 'production-deployment') {
        if (inWindow) productionDeployments++;
        if (openBreach !== undefined) {
          recoveries.push((fact.at - openBreach) / HOUR_MS);
          openBreach = undefined;
        }
      } else if (inWindow) {
        retrainings++;
      }
    }
  }
  const weeks = Math.max((endMs - startMs) / (7 * DAY_MS), 1 / 7);
  const medianHours = median(recoveries);
  return {
    productionDeployments,
    deploymentsPerWeek: round1(productionDeployments / weeks),
    retrainings,
    retrainingsPerWeek: round1(retrainings / weeks),
    driftBreaches,
    driftRecovered: recoveries.length,
    driftToDeployMedianHours: medianHours === null ? null : round1(medianHours),
  };
}
