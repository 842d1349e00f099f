import { compilePredicate, CompiledPredicate } from './compilePredicate';
import { describeAge, parseIsoDuration } from './isoDuration';
import { FactIndex, IndexedFact, isNotFound, versionOf } from './factIndex';
import type { FactRequirement, ObservedFact } from './types';

/**
 * What an entity's facts say about one requirement:
 * - `fresh`: the newest matching fact is within the window;
 * - `stale`: the newest matching fact is older than the window;
 * - `against`: no fact matches, and the source's newest fact of the type says otherwise
 *   (it found nothing, or it is about something else);
 * - `none`: no fact of the type at all.
 */
export type FactVerdict =
  | { kind: 'fresh' | 'stale'; fact: ObservedFact; at: number }
  | { kind: 'against'; fact: ObservedFact; at: number }
  | { kind: 'none' };

export interface CompiledFactRequirement {
  requirement: FactRequirement;
  judge(facts: FactIndex, now: number): FactVerdict;
  /** The verdict in words, e.g. "training-run 4f2 from mlflow, 3 days ago". */
  explain(verdict: FactVerdict, facts: FactIndex, now: number): string;
}

/** Thrown for a requirement that cannot be compiled; `where` is relative to the fact. */
export class FactRequirementError extends Error {
  constructor(readonly where: string, readonly problem: string) {
    super(`${where}: ${problem}`);
  }
}

const NONE: FactVerdict = { kind: 'none' };

function describeFact(fact: ObservedFact, at: number, now: number) {
  return `${fact.type} ${fact.id} from ${fact.source}, ${describeAge(
    now - at,
  )}`;
}

/**
 * Compiles a check's fact requirement once: the `where` predicate into a closure, the
 * window into milliseconds. Throws {@link FactRequirementError} naming the bad field.
 */
export function compileFactRequirement(
  requirement: FactRequirement,
): CompiledFactRequirement {
  const { type, within, version } = requirement;
  if (typeof type !== 'string' || type.trim() === '') {
    throw new FactRequirementError(
      'type',
      'expected a fact type such as training-run',
    );
  }
  const windowMs = within === undefined ? Infinity : parseIsoDuration(within);
  if (windowMs === undefined) {
    throw new FactRequirementError(
      'within',
      `expected an ISO-8601 duration such as P30D or PT12H, got ${JSON.stringify(
        within,
      )}`,
    );
  }
  if (
    version !== undefined &&
    version !== 'deployed' &&
    version !== 'not-deployed'
  ) {
    throw new FactRequirementError(
      'version',
      `expected deployed or not-deployed, got ${JSON.stringify(version)}`,
    );
  }
  let where: CompiledPredicate | undefined;
  if (requirement.where !== undefined) {
    try {
      where = compilePredicate(requirement.where);
    } catch (error) {
      const inner = (error as { where?: string }).where;
      throw new FactRequirementError(
        inner ? `where.${inner}` : 'where',
        (error as { problem?: string }).problem ?? (error as Error).message,
      );
    }
  }

  const matchesVersion = (fact: ObservedFact, facts: FactIndex) => {
    if (version === undefined) return true;
    const deployed = facts.deployedVersion;
    if (deployed === undefined) return false;
    const own = versionOf(fact);
    return version === 'deployed'
      ? own === deployed
      : own !== undefined && own !== deployed;
  };
  const matches = (fact: ObservedFact, facts: FactIndex) =>
    !isNotFound(fact) &&
    (where === undefined || where.test(fact)) &&
    matchesVersion(fact, facts);

  const judge = (facts: FactIndex, now: number): FactVerdict => {
    const list = facts.byType.get(type);
    if (!list) return NONE;
    let newest: IndexedFact | undefined;
    for (const entry of list) {
      // A later "found nothing" outweighs an earlier match: the source no longer sees it.
      if (isNotFound(entry.fact)) {
        return newest
          ? { kind: 'against', ...newest }
          : { kind: 'against', ...entry };
      }
      if (matches(entry.fact, facts)) {
        return {
          kind: now - entry.at <= windowMs ? 'fresh' : 'stale',
          fact: entry.fact,
          at: entry.at,
        };
      }
      newest ??= entry;
    }
    return newest ? { kind: 'against', ...newest } : NONE;
  };

  const explainMismatch = (fact: ObservedFact, facts: FactIndex) => {
    if (isNotFound(fact)) return `${fact.source} found none`;
    if (where && !where.test(fact)) return where.explain(fact);
    if (version !== undefined) {
      return facts.deployedVersion === undefined
        ? 'no version is deployed to production'
        : `it is about version ${
            versionOf(fact) ?? '(none)'
          }, production runs ${facts.deployedVersion}`;
    }
    return 'it does not match';
  };

  const explain = (verdict: FactVerdict, facts: FactIndex, now: number) => {
    switch (verdict.kind) {
      case 'fresh':
        return `observed: ${describeFact(verdict.fact, verdict.at, now)}`;
      case 'stale':
        return `stale: the latest ${describeFact(
          verdict.fact,
          verdict.at,
          now,
        )}; needs one within ${within}`;
      case 'against':
        return `${describeFact(
          verdict.fact,
          verdict.at,
          now,
        )} does not count: ${explainMismatch(verdict.fact, facts)}`;
      default:
        return `no ${type} observed`;
    }
  };

  return { requirement, judge, explain };
}
