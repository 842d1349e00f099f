import type { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import {
  compileMaturityModel,
  CompiledMaturityModel,
  defaultMaturityModel,
  MATURITY_ANNOTATIONS,
  MaturityModel,
  ObservedFact,
  toMaturityAnnotations,
} from '@landing-zone/plugin-mlops-common';

/** The latest facts of an entity, answered from memory (see LatestFactsCache). */
export type FactsLookup = (
  entityRef: string,
) => readonly ObservedFact[] | undefined;

const WARNINGS_CACHE_KEY = 'evidence-warnings';

const shortPath = (path: string) =>
  path.replace(/^metadata\.annotations\./, '');

/** An entity ref for log lines that cannot throw, whatever the entity holds. */
function safeRef(entity: Entity): string {
  try {
    return stringifyEntityRef(entity);
  } catch {
    const text = (value: unknown) =>
      typeof value === 'string' ? value : '<invalid>';
    return `${text(entity?.kind)}:${text(entity?.metadata?.name)}`;
  }
}

/**
 * Evaluates the maturity model on ML entities and writes the result as annotations
 * (level, score, failing checks, per-level progress) so the catalog can filter by them.
 *
 * It reads the entity and, through `facts`, the latest facts held in memory: no network
 * or database call per entity. Malformed evidence never blocks ingestion: emitting a
 * processing error would make the catalog keep the entity out (or frozen at its previous
 * version), so instead the fields are listed in the `landingzone.ml/evidence-warnings`
 * annotation and logged once per change as a warning naming the entity and the field.
 *
 * @public
 */
export class MlopsMaturityProcessor implements CatalogProcessor {
  private readonly compiled: CompiledMaturityModel;
  private readonly logger: LoggerService;
  private readonly facts: FactsLookup;

  constructor(options: {
    logger: LoggerService;
    model?: MaturityModel;
    facts?: FactsLookup;
  }) {
    this.compiled = compileMaturityModel(options.model ?? defaultMaturityModel);
    this.logger = options.logger;
    this.facts = options.facts ?? (() => undefined);
  }

  getProcessorName(): string {
    return 'MlopsMaturityProcessor';
  }

  // Runs after validation, so the entity has its final shape and our annotations are
  // what gets stored.
  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    try {
      if (!this.compiled.isMlEntity(entity)) return entity;
      const facts = this.facts(stringifyEntityRef(entity));
      const summary = this.compiled.summarize(
        entity,
        facts ? { facts } : undefined,
      );
      const annotations: Record<string, string> = {
        ...entity.metadata.annotations,
        ...toMaturityAnnotations(summary),
      };
      delete annotations[MATURITY_ANNOTATIONS.evidenceWarnings];
      if (summary.warnings.length > 0) {
        annotations[MATURITY_ANNOTATIONS.evidenceWarnings] = summary.warnings
          .map(w => shortPath(w.path))
          .join(',');
      }
      await this.reportWarnings(entity, summary.warnings, cache);
      return { ...entity, metadata: { ...entity.metadata, annotations } };
    } catch (error) {
      // Never let a maturity evaluation stop the entity from being ingested.
      this.logger.warn(
        `Could not evaluate MLOps maturity of ${safeRef(entity)}: ${String(
          error,
        )}`,
      );
      return entity;
    }
  }

  /** Logs warnings only when they change, not on every processing loop. */
  private async reportWarnings(
    entity: Entity,
    warnings: Array<{ path: string; message: string }>,
    cache: CatalogProcessorCache,
  ) {
    const fingerprint = warnings.map(w => w.message).join('\n');
    const previous = await cache.get<string>(WARNINGS_CACHE_KEY);
    if ((previous ?? '') === fingerprint) return;
    await cache.set(WARNINGS_CACHE_KEY, fingerprint);
    for (const warning of warnings) {
      this.logger.warn(
        `Malformed MLOps evidence on ${safeRef(entity)}: ${warning.message}`,
        { entity: safeRef(entity), field: warning.path },
      );
    }
  }
}
