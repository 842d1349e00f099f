import { isRecord } from './resolvePath';
import type { ObservedFact } from './types';

/** A fact with its time parsed once. */
export interface IndexedFact {
  fact: ObservedFact;
  at: number;
}

/** One entity's facts by type, newest first, and the version it runs in production. */
export interface FactIndex {
  byType: Map<string, IndexedFact[]>;
  /** `data.version` of the latest production deployment, if any. */
  deployedVersion: string | undefined;
}

export const EMPTY_FACTS: FactIndex = {
  byType: new Map(),
  deployedVersion: undefined,
};

/** A collector's "I looked and found nothing" (see the fact contract: `data.found: false`). */
export const isNotFound = (fact: ObservedFact) => fact.data?.found === false;

/** The model version a fact is about: `data.modelVersion`, else `data.version`. */
export function versionOf(fact: ObservedFact): string | undefined {
  const data = fact.data;
  const version = data?.modelVersion ?? data?.version;
  return typeof version === 'string' || typeof version === 'number'
    ? String(version)
    : undefined;
}

const isProduction = (fact: ObservedFact) =>
  typeof fact.data?.environment === 'string' &&
  fact.data.environment.toLowerCase() === 'production';

/**
 * Groups an entity's facts once per evaluation. Facts that are not objects with a type, a
 * data object and a parseable time are skipped: a bad row must not break a level.
 */
const indexed = new WeakMap<readonly ObservedFact[], FactIndex>();

export function indexFacts(
  facts: readonly ObservedFact[] | undefined,
): FactIndex {
  if (!facts || facts.length === 0) return EMPTY_FACTS;
  // The catalog processor evaluates an entity again and again with the same facts array
  // (until its next refresh), so each array is indexed once. Facts are never mutated.
  let index = indexed.get(facts);
  if (!index) {
    index = buildIndex(facts);
    indexed.set(facts, index);
  }
  return index;
}

function buildIndex(facts: readonly ObservedFact[]): FactIndex {
  const byType = new Map<string, IndexedFact[]>();
  for (const fact of facts) {
    if (
      !isRecord(fact) ||
      typeof fact.type !== 'string' ||
      !isRecord(fact.data)
    )
      continue;
    const at = Date.parse(fact.observedAt);
    if (Number.isNaN(at)) continue;
    let list = byType.get(fact.type);
    if (!list) byType.set(fact.type, (list = []));
    list.push({ fact, at });
  }
  for (const list of byType.values()) list.sort((a, b) => b.at - a.at);
  const deployment = byType
    .get('deployment')
    ?.find(({ fact }) => isProduction(fact) && !isNotFound(fact));
  return {
    byType,
    deployedVersion: deployment ? versionOf(deployment.fact) : undefined,
  };
}
