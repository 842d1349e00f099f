import type { CompiledPredicate, EvidenceValues } from './compilePredicate';

/** The scope of a check that applies to every entity. */
export const EVERY_ENTITY = -1;

/**
 * The distinct `appliesTo` predicates of a model. Checks of a group usually share one
 * object (every LLM check applies to `llm-app` entities), so each is tested once per
 * entity, not once per check. Sharing goes by identity: equal-looking predicates are never
 * merged, so nothing can be merged wrongly.
 */
export class CheckScopes {
  private readonly predicates: CompiledPredicate[] = [];
  private readonly indexes = new Map<unknown, number>();

  /** The scope of a check's `appliesTo`, given the predicate and its compiled form. */
  add(predicate: unknown, compiled: CompiledPredicate): number {
    let index = this.indexes.get(predicate);
    if (index === undefined) {
      index = this.predicates.push(compiled) - 1;
      this.indexes.set(predicate, index);
    }
    return index;
  }

  /** A fresh memo of answers for one entity. */
  newMemo(): Array<boolean | undefined> {
    return new Array(this.predicates.length);
  }

  /** Whether the scope covers the entity, asking each predicate once per memo. */
  covers(
    scope: number,
    entity: unknown,
    evidence: EvidenceValues,
    memo: Array<boolean | undefined>,
  ): boolean {
    if (scope === EVERY_ENTITY) return true;
    let answer = memo[scope];
    if (answer === undefined) {
      answer = this.predicates[scope].test(entity, evidence);
      memo[scope] = answer;
    }
    return answer;
  }
}
