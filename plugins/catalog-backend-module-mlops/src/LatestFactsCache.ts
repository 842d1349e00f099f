import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';

/** Fetches every entity's latest facts (the mlops backend's GET /facts/latest). */
export type FetchLatestFacts = () => Promise<ObservedFact[]>;

/**
 * The latest facts of every entity, held in memory and refreshed in the background, so the
 * processor reads facts with a map lookup instead of a network call per entity.
 *
 * When the mlops backend cannot be reached the last known facts stay (levels do not drop
 * because a backend restarts); one warning is logged when the path goes down and one info
 * line when it is back.
 *
 * @public
 */
export class LatestFactsCache {
  private byEntity = new Map<string, ObservedFact[]>();
  private failingSince: Date | undefined;
  private lastSuccessAt: Date | undefined;

  constructor(
    private readonly fetchLatest: FetchLatestFacts,
    private readonly logger: LoggerService,
  ) {}

  /** The entity's latest facts as of the last successful refresh (none when unknown). */
  factsOf(entityRef: string): readonly ObservedFact[] | undefined {
    return this.byEntity.get(entityRef.toLocaleLowerCase('en-US'));
  }

  /** When the facts were last fetched, and since when fetching fails (if it does). */
  status(): { lastSuccessAt?: Date; failingSince?: Date; entities: number } {
    return {
      lastSuccessAt: this.lastSuccessAt,
      failingSince: this.failingSince,
      entities: this.byEntity.size,
    };
  }

  /** Fetches all latest facts and swaps them in at once; on failure keeps the last ones. */
  async refresh(now = new Date()): Promise<void> {
    let facts: ObservedFact[];
    try {
      facts = await this.fetchLatest();
      if (!Array.isArray(facts))
        throw new Error('the answer holds no list of facts');
    } catch (error) {
      if (!this.failingSince) {
        this.failingSince = now;
        this.logger.warn(
          `MLOps facts unavailable, evaluating with the facts of ${
            this.lastSuccessAt?.toISOString() ?? 'no refresh yet'
          }: ${String(error)}`,
        );
      }
      return;
    }
    const next = new Map<string, ObservedFact[]>();
    for (const fact of facts) {
      if (typeof fact?.entityRef !== 'string') continue;
      const ref = fact.entityRef.toLocaleLowerCase('en-US');
      const list = next.get(ref);
      if (list) list.push(fact);
      else next.set(ref, [fact]);
    }
    this.byEntity = next;
    this.lastSuccessAt = now;
    if (this.failingSince) {
      this.logger.info(
        `MLOps facts available again (down since ${this.failingSince.toISOString()})`,
      );
      this.failingSince = undefined;
    }
  }
}
