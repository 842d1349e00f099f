import type { FlowFact } from '../service/flowMetrics';
import type {
  CompiledMaturityModel,
  ObservedFact,
} from '@landing-zone/plugin-mlops-common';

/** Reads the latest facts of a page of entities (the FactStore's `latestFacts`). */
export interface LatestFactsReader {
  latestFacts(entityRefs: string[]): Promise<Map<string, ObservedFact[]>>;
}

/**
 * What a snapshot evaluates use cases with: the compiled model and the fact store. Without
 * it the snapshot reads the levels the catalog processor wrote.
 */
export interface UseCaseEvidence {
  compiled: CompiledMaturityModel;
  facts: LatestFactsReader;
  /** Freshness is judged at this time (default: the snapshot's). */
  now?: Date;
  /** Reads each use case's flow facts since an epoch-ms instant (see readFlowFacts). */
  flow?: (sinceMs: number) => Promise<Map<string, FlowFact[]>>;
}

const isProductionDeployment = (fact: ObservedFact) =>
  fact.type === 'deployment' &&
  fact.data?.found !== false &&
  typeof fact.data?.environment === 'string' &&
  fact.data.environment.toLowerCase() === 'production';

/**
 * When the entity was deployed to production as far as its latest facts show: the
 * production deployment's observedAt. The snapshot stores the first one it sees and never
 * moves it, so this is the first production deployment for any entity the snapshot
 * watches at least once between its first and second production deployment.
 */
export function productionDeploymentAt(
  facts: readonly ObservedFact[] | undefined,
): string | null {
  let earliest: number | undefined;
  for (const fact of facts ?? []) {
    if (!isProductionDeployment(fact)) continue;
    const at = Date.parse(fact.observedAt);
    if (!Number.isNaN(at) && (earliest === undefined || at < earliest))
      earliest = at;
  }
  return earliest === undefined ? null : new Date(earliest).toISOString();
}
