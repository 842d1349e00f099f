import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';

/**
 * One answer of the mlops backend's GET /facts/latest. `complete` answers hold every
 * entity's latest facts; the others only those of entities written since the cursor given,
 * each with all its latest facts. `cursor` asks for the changes after this answer.
 *
 * @public
 */
export interface LatestFactsAnswer {
  /** Latest facts, grouped by nothing: the cache groups them by entity. */
  facts: ObservedFact[];
  /** Opaque; `since` of the next fetch. Absent from a backend without cursors. */
  cursor?: string;
  /** True: every entity's facts (replace all). False: only the entities in `facts`. */
  complete: boolean;
}

/**
 * Fetches the latest facts (the mlops backend's GET /facts/latest): every entity's without
 * `since`, the changes since that cursor with it. A plain list is a complete answer (a
 * backend from before cursors).
 *
 * @public
 */
export type FetchLatestFacts = (
  since?: string,
) => Promise<ObservedFact[] | LatestFactsAnswer>;

const DEFAULT_FULL_REFRESH_MS = 6 * 60 * 60_000;

function groupByEntity(facts: ObservedFact[]) {
  const byEntity = new Map<string, ObservedFact[]>();
  for (const fact of facts) {
    if (typeof fact?.entityRef !== 'string') continue;
    const ref = fact.entityRef.toLocaleLowerCase('en-US');
    const list = byEntity.get(ref);
    if (list) list.push(fact);
    else byEntity.set(ref, [fact]);
  }
  return byEntity;
}

/**
 * The latest facts of every entity, held in memory and refreshed in the background, so the
 * processor reads facts with a map lookup instead of a network call per entity.
 *
 * The first refresh loads everything; later ones ask only for the changes since the last
 * answer's cursor and replace the facts of the entities in it. Removals (retention dropping
 * a deleted entity's facts) leave nothing to send as a change, so the backend answers those
 * with a complete list again; as a safety net against anything else (a restored database),
 * everything is reloaded every `fullRefreshMs` (default six hours) too.
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
  private cursor: string | undefined;
  private lastFullAt: Date | undefined;
  private readonly fullRefreshMs: number;

  constructor(
    private readonly fetchLatest: FetchLatestFacts,
    private readonly logger: LoggerService,
    options: { fullRefreshMs?: number } = {},
  ) {
    this.fullRefreshMs = options.fullRefreshMs ?? DEFAULT_FULL_REFRESH_MS;
  }

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

  /**
   * Fetches the latest facts (all, or the changes since the last answer) and swaps them in
   * at once; on failure keeps the last ones.
   */
  async refresh(now = new Date()): Promise<void> {
    const full =
      this.cursor === undefined ||
      this.lastFullAt === undefined ||
      now.getTime() - this.lastFullAt.getTime() >= this.fullRefreshMs;
    let answer: LatestFactsAnswer;
    try {
      const fetched = await this.fetchLatest(full ? undefined : this.cursor);
      answer = Array.isArray(fetched)
        ? { facts: fetched, complete: true }
        : fetched;
      if (!Array.isArray(answer?.facts))
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
    const changed = groupByEntity(answer.facts);
    if (answer.complete !== false) {
      this.byEntity = changed;
      this.lastFullAt = now;
    } else {
      // In place: no await until it is done, so no lookup sees half of it.
      for (const [ref, facts] of changed) this.byEntity.set(ref, facts);
    }
    // Without a cursor (an older backend) every refresh is a full one.
    this.cursor = typeof answer.cursor === 'string' ? answer.cursor : undefined;
    this.lastSuccessAt = now;
    if (this.failingSince) {
      this.logger.info(
        `MLOps facts available again (down since ${this.failingSince.toISOString()})`,
      );
      this.failingSince = undefined;
    }
  }
}
