import type { MaturityEntityFilter } from './types';

/**
 * Compiles the "which entities are ML use cases" filter. Kinds and types compare
 * case-insensitively; an empty type list accepts every type of the listed kinds.
 */
export function compileEntityFilter(
  filter: MaturityEntityFilter,
): (entity: unknown) => boolean {
  const kinds = new Set(filter.kinds.map(k => k.toLowerCase()));
  const types = new Set(filter.types.map(t => t.toLowerCase()));
  return entity => {
    if (typeof entity !== 'object' || entity === null) return false;
    const { kind, spec } = entity as { kind?: unknown; spec?: unknown };
    if (typeof kind !== 'string' || !kinds.has(kind.toLowerCase()))
      return false;
    if (types.size === 0) return true;
    const type =
      typeof spec === 'object' && spec !== null
        ? (spec as { type?: unknown }).type
        : undefined;
    return typeof type === 'string' && types.has(type.toLowerCase());
  };
}
