import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  FACT_LIMITS,
  Fact,
  FactPushResponse,
  validateFactBatch,
} from '@landing-zone/plugin-mlops-common';
import { FactCollector } from '@landing-zone/plugin-mlops-node';
import { chunks } from '../../database/chunks';
import { FactStore } from '../FactStore';

export interface CollectorRunResult {
  ok: boolean;
  facts: number;
  error?: string;
  /** What storing the facts changed (a successful run only). */
  stored?: FactPushResponse;
}

/** The valid facts a collector returned, or what is wrong with them. */
function problemOf(
  collector: FactCollector,
  facts: unknown,
  entityRefs: Set<string>,
): { error: string } | { facts: Fact[] } {
  if (!Array.isArray(facts)) {
    return { error: 'collect() did not return an array of facts' };
  }
  const valid: Fact[] = [];
  // Validated in request-sized batches, with the same rules as a push.
  for (const [i, batch] of chunks(facts, FACT_LIMITS.maxBatch).entries()) {
    const validation = validateFactBatch({ facts: batch });
    if (!validation.ok) {
      return {
        error: `invalid facts (batch ${i + 1}): ${validation.errors
          .slice(0, 3)
          .join('; ')}`,
      };
    }
    valid.push(...validation.facts);
  }
  const foreign = valid.find(f => f.source !== collector.id);
  if (foreign) {
    return { error: `returned a fact of source "${foreign.source}"` };
  }
  const outside = valid.find(f => !entityRefs.has(f.entityRef));
  if (outside) {
    return {
      error: `returned a fact about ${outside.entityRef}, not an ML use case of this run`,
    };
  }
  return { facts: valid };
}

/**
 * One run of one collector. All or nothing: when the source fails or answers garbage, no
 * fact of the run is stored, the earlier ones stay, one warning is logged and the failure
 * is recorded in the source's status.
 */
export async function runCollector(options: {
  collector: FactCollector;
  entities: Entity[];
  store: FactStore;
  logger: LoggerService;
  signal: AbortSignal;
  now?: Date;
}): Promise<CollectorRunResult> {
  const { collector, entities, store, logger } = options;
  const now = options.now ?? new Date();
  const entityRefs = new Set(
    entities.map(e => stringifyEntityRef(e).toLocaleLowerCase('en-US')),
  );
  let outcome: { error: string } | { facts: Fact[] };
  try {
    const facts = await collector.collect({
      entities,
      logger: logger.child({ collector: collector.id }),
      now,
      signal: options.signal,
    });
    outcome = problemOf(collector, facts, entityRefs);
  } catch (error) {
    outcome = { error: (error as Error)?.message ?? String(error) };
  }
  if ('error' in outcome) {
    logger.warn(
      `mlops: fact collector ${collector.id} failed, its stored facts are unchanged: ${outcome.error}`,
    );
    await store.recordSourceFailure(collector.id, outcome.error, now);
    return { ok: false, facts: 0, error: outcome.error };
  }
  const stored = await store.upsertFactsInBatches(outcome.facts);
  await store.recordSourceSuccess(collector.id, now);
  logger.info(
    `mlops: fact collector ${collector.id} observed ${outcome.facts.length} facts: ${stored.accepted} new, ${stored.updated} updated`,
  );
  return { ok: true, facts: outcome.facts.length, stored };
}
