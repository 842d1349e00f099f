import { EntityChange } from '../database/HistoryStore';
import {
  EntityRow,
  EventRow,
  ProductionEvidence,
  SNAPSHOT_FIELDS,
} from '../database/rows';
import { dayOf } from '../service/stats';
import { CatalogUseCase } from './CatalogUseCase';

const PRODUCTION = 'production';

function sameState(previous: EntityRow, next: EntityRow): boolean {
  return SNAPSHOT_FIELDS.every(field => previous[field] === next[field]);
}

/**
 * Compares what the catalog says now with the stored state of one entity and returns what
 * to write, or undefined when nothing changed. The store records first-seen and
 * reached-production at most once per entity, so a re-run can never record them twice.
 *
 * @param createdEventAt - when the scaffolder's created event says it was created
 */
export function diffEntity(
  previous: EntityRow | undefined,
  current: CatalogUseCase,
  now: string,
  createdEventAt?: string,
): EntityChange | undefined {
  const ref = current.entityRef;
  const { level, score } = current.maturity;
  // Observed first: the production deployment in its facts; the lifecycle string only
  // counts (as a declaration) for entities whose facts show no production deployment.
  const deployedAt = current.productionDeployedAt ?? null;
  const isProduction = deployedAt !== null || current.lifecycle === PRODUCTION;
  const createdAt =
    previous?.created_at ?? createdEventAt ?? current.createdAt ?? now;
  // A deployment observed before the use case's recorded creation (facts pushed for an
  // entity the catalog only learned about later) reaches production at creation, so a lead
  // time is never negative.
  const observedAt =
    deployedAt !== null && deployedAt < createdAt ? createdAt : deployedAt;
  // A declaration gives way to the first observation: a use case declared in production
  // whose deployment facts arrive later takes the observed time, and is no longer marked.
  const keepPrevious =
    previous !== undefined &&
    previous.reached_production_at !== null &&
    !(previous.production_evidence !== 'observed' && observedAt !== null);
  let reachedProductionAt: string | null = null;
  let productionEvidence: ProductionEvidence | null = null;
  if (keepPrevious) {
    reachedProductionAt = previous.reached_production_at;
    productionEvidence = previous.production_evidence;
  } else if (observedAt !== null) {
    reachedProductionAt = observedAt;
    productionEvidence = 'observed';
  } else if (isProduction) {
    reachedProductionAt = now;
    productionEvidence = 'declared';
  }

  const row: EntityRow = {
    entity_ref: ref,
    team_ref: current.teamRef,
    title: current.title,
    type: current.type,
    lifecycle: current.lifecycle,
    level,
    score,
    failing_checks: current.maturity.failingChecks.join(','),
    template_ref: current.templateRef,
    created_at: createdAt,
    reached_production_at: reachedProductionAt,
    production_evidence: productionEvidence,
    removed_at: null,
    demo: previous?.demo ?? false,
    observed_checks: current.maturity.observed ?? null,
    observable_checks: current.maturity.observable ?? null,
  };

  const events: EventRow[] = [];
  // First sight is once per entity (the store enforces it): an entity that comes back after
  // a removal shows as its removed_at being cleared, not as a second first sight.
  if (!previous) {
    events.push({
      entity_ref: ref,
      type: 'first-seen',
      at: now,
      to_level: level,
      to_lifecycle: current.lifecycle,
    });
  }
  if (previous && previous.level !== level) {
    events.push({
      entity_ref: ref,
      type: 'level-changed',
      at: now,
      from_level: previous.level,
      to_level: level,
    });
  }
  if (previous && previous.lifecycle !== current.lifecycle) {
    events.push({
      entity_ref: ref,
      type: 'lifecycle-changed',
      at: now,
      from_lifecycle: previous.lifecycle,
      to_lifecycle: current.lifecycle,
    });
  }
  if (isProduction && !previous?.reached_production_at) {
    events.push({
      entity_ref: ref,
      type: 'reached-production',
      at: reachedProductionAt ?? now,
      from_lifecycle: previous?.lifecycle ?? null,
      to_lifecycle: PRODUCTION,
    });
  }

  const scoreChanged =
    !previous || previous.level !== level || previous.score !== score;
  // An unchanged entity writes nothing: the row is only rewritten when it changes.
  if (previous && events.length === 0 && sameState(previous, row)) {
    return undefined;
  }
  return {
    row,
    events,
    score: scoreChanged
      ? { entity_ref: ref, day: dayOf(now), level, score }
      : undefined,
  };
}

/** The write that marks an entity deleted from the catalog: it stops counting. */
export function removal(previous: EntityRow, now: string): EntityChange {
  return {
    row: { ...previous, removed_at: now },
    events: [
      {
        entity_ref: previous.entity_ref,
        type: 'removed',
        at: now,
        from_level: previous.level,
        from_lifecycle: previous.lifecycle,
      },
    ],
  };
}
