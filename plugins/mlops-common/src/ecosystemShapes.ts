import {
  Entity,
  parseEntityRef,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * The ML shapes other Backstage plugins put in the catalog:
 * - `model-server`: a Component of type `model-server` (Red Hat's model-catalog-bridge);
 * - `ai-model`: a Resource of type `ai-model` (the bridge's model, which the server dependsOn);
 * - `model-server-api`: an API of type `ai-model-server` (the endpoint the server provides);
 * - `mcp-server`: an API of type `mcp-server` (a tool server an LLM app consumes);
 * - `ai-resource`: an entity of kind `AiResource`.
 *
 * @public
 */
export type EcosystemMlShape =
  | 'model-server'
  | 'ai-model'
  | 'model-server-api'
  | 'mcp-server'
  | 'ai-resource';

/**
 * The relations through which a related entity is evidence of a use case: what it depends
 * on, the APIs it provides or consumes, and the parts it has or is part of. Ownership and
 * group membership relate teams, not ML artefacts, so they are left out.
 *
 * @public
 */
export const ECOSYSTEM_EVIDENCE_RELATIONS: readonly string[] = [
  RELATION_DEPENDS_ON,
  RELATION_DEPENDENCY_OF,
  RELATION_PROVIDES_API,
  RELATION_CONSUMES_API,
  RELATION_HAS_PART,
  RELATION_PART_OF,
];

const lower = (value: unknown) =>
  typeof value === 'string' ? value.toLocaleLowerCase('en-US') : undefined;

/**
 * Which ecosystem ML shape an entity has, if any. Kinds and types compare
 * case-insensitively, as the catalog's own filters do.
 *
 * @public
 */
export function ecosystemMlShape(entity: Entity): EcosystemMlShape | undefined {
  const kind = lower(entity.kind);
  const type = lower(entity.spec?.type);
  if (kind === 'airesource') return 'ai-resource';
  if (kind === 'component' && type === 'model-server') return 'model-server';
  if (kind === 'resource' && type === 'ai-model') return 'ai-model';
  if (kind === 'api' && type === 'ai-model-server') return 'model-server-api';
  if (kind === 'api' && type === 'mcp-server') return 'mcp-server';
  return undefined;
}

/**
 * The refs of the entities a use case relates to through
 * {@link ECOSYSTEM_EVIDENCE_RELATIONS}, deduplicated and in the catalog's ref form, so a
 * caller can fetch them (one catalog call) and keep those with an {@link ecosystemMlShape}.
 *
 * @public
 */
export function evidenceRelationTargets(entity: Entity): string[] {
  return [...evidenceRelations(entity).keys()];
}

/** Relation types per target ref, over the evidence relations only. */
function evidenceRelations(entity: Entity): Map<string, string[]> {
  const byRef = new Map<string, string[]>();
  for (const relation of entity.relations ?? []) {
    if (!ECOSYSTEM_EVIDENCE_RELATIONS.includes(relation.type)) continue;
    let ref: string;
    try {
      ref = stringifyEntityRef(parseEntityRef(relation.targetRef));
    } catch {
      // A malformed ref cannot be fetched; the catalog never writes one.
      continue;
    }
    const types = byRef.get(ref) ?? [];
    if (!types.includes(relation.type)) types.push(relation.type);
    byRef.set(ref, types);
  }
  return byRef;
}

/**
 * One related entity that is ML evidence of a use case. The catalog entry is what another
 * plugin declared (e.g. the model-catalog-bridge copying a model registry), not an
 * observation of a pipeline or registry, so its evidence status is `declared`.
 *
 * @public
 */
export interface RelatedMlEvidence {
  /** The related entity, e.g. `resource:default/granite-3b`. */
  entityRef: string;
  /** Which ecosystem shape it has. */
  shape: EcosystemMlShape;
  /** The relation types from the use case to it, e.g. `dependsOn`. */
  relations: string[];
  /** Its title, or its name without one. */
  title: string;
  /** A catalog entry is a declaration: no source observed it. */
  status: 'declared';
}

/**
 * The related entities of a use case that have an ecosystem ML shape, ordered by shape
 * then ref. `related` are the fetched targets of {@link evidenceRelationTargets} (missing
 * or unfetchable ones are simply absent).
 *
 * @public
 */
export function relatedMlEvidence(
  entity: Entity,
  related: ReadonlyArray<Entity | undefined>,
): RelatedMlEvidence[] {
  const relationsByRef = evidenceRelations(entity);
  const order: EcosystemMlShape[] = [
    'model-server',
    'ai-model',
    'model-server-api',
    'mcp-server',
    'ai-resource',
  ];
  const evidence: RelatedMlEvidence[] = [];
  for (const target of related) {
    if (!target) continue;
    const shape = ecosystemMlShape(target);
    const entityRef = stringifyEntityRef(target);
    const relations = relationsByRef.get(entityRef);
    // Only what the use case itself relates to: the caller may pass more than it asked for.
    if (!shape || !relations) continue;
    evidence.push({
      entityRef,
      shape,
      relations,
      title: target.metadata.title ?? target.metadata.name,
      status: 'declared',
    });
  }
  return evidence.sort(
    (a, b) =>
      order.indexOf(a.shape) - order.indexOf(b.shape) ||
      a.entityRef.localeCompare(b.entityRef),
  );
}
