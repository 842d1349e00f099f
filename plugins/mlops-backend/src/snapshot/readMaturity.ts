import { readMaturityAnnotations } from '@landing-zone/plugin-mlops-common';

/** The maturity the catalog processor wrote onto an entity. */
export interface EntityMaturity {
  level: number;
  score: number;
  failingChecks: string[];
  /** Checks a source can observe, and how many are observed (only when evaluated on facts). */
  observable?: number;
  observed?: number;
}

/**
 * Reads the processor's annotations. The backend never re-evaluates the model: an entity
 * the processor has not (yet) evaluated, or whose annotations are garbage, counts as
 * level 0 with score 0 rather than breaking the snapshot.
 */
export function readMaturity(
  annotations: Record<string, string> | undefined,
): EntityMaturity {
  return (
    readMaturityAnnotations({ metadata: { annotations } }) ?? {
      level: 0,
      score: 0,
      failingChecks: [],
    }
  );
}
