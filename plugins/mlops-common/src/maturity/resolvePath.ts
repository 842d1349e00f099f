/** Reads the value at a filter-predicate path from an unknown value. */
export type PathResolver = (value: unknown) => unknown;

const hasOwn = (o: object, key: string) =>
  Object.prototype.hasOwnProperty.call(o, key);

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Annotation and label keys contain dots ("mlflow.org/experiment") and their values are
// strings, so everything after these prefixes is one key: one lookup instead of trying
// every split of the key.
const STRING_MAP_PREFIXES = ['metadata.annotations.', 'metadata.labels.'];

function ownValue(key: string): PathResolver {
  // Keys like "constructor" would otherwise find Object.prototype members.
  if (key in Object.prototype) {
    return v => (isRecord(v) && hasOwn(v, key) ? v[key] : undefined);
  }
  return v => (isRecord(v) ? v[key] : undefined);
}

/**
 * For a path into annotations or labels: the resolver of the map and the key in it, so a
 * caller reading many keys of one map can resolve the map once.
 */
export function splitStringMapPath(
  path: string,
): { mapPath: string; resolveMap: PathResolver; key: string } | undefined {
  const prefix = STRING_MAP_PREFIXES.find(
    p => path.startsWith(p) && path.length > p.length,
  );
  if (!prefix) return undefined;
  const mapPath = prefix.slice(0, -1);
  const [first, second] = mapPath.split('.');
  return {
    mapPath,
    resolveMap: v => {
      if (!isRecord(v)) return undefined;
      const metadata = v[first];
      return isRecord(metadata) ? metadata[second] : undefined;
    },
    key: path.slice(prefix.length),
  };
}

function compileTolerantLookup(
  path: string,
  memo: Map<string, PathResolver>,
): PathResolver {
  const cached = memo.get(path);
  if (cached) return cached;
  const heads = new Map<string, PathResolver>();
  for (let i = path.indexOf('.'); i > 0; i = path.indexOf('.', i + 1)) {
    heads.set(path.slice(0, i), compileTolerantLookup(path.slice(i + 1), memo));
  }
  // getJsonValueAtPath's walk with the path split once, ahead of time: calling the library
  // per entity instead cut the processor path from about 500 k to 418 k entities/s
  // (`./lz bench evaluate`). When a key equal to the whole path and a key that starts it
  // both exist, the library takes whichever comes first in the object, so keys are walked
  // in their own order too; compilePredicate.test.ts checks the two agree on random input.
  const resolver: PathResolver =
    heads.size === 0
      ? ownValue(path)
      : v => {
          if (!isRecord(v)) return undefined;
          for (const key in v) {
            if (!hasOwn(v, key)) continue;
            if (key === path) {
              if (v[key] !== undefined) return v[key];
              continue;
            }
            const rest = heads.get(key);
            if (rest) {
              const found = rest(v[key]);
              if (found !== undefined) return found;
            }
          }
          return undefined;
        };
  memo.set(path, resolver);
  return resolver;
}

/**
 * Compiles a dot-separated path into a lookup function, with the semantics of
 * `getJsonValueAtPath` from `@backstage/filter-predicates`: keys may themselves contain
 * dots, arrays are not traversed, and a missing value is `undefined`.
 *
 * One deliberate difference: below `metadata.annotations.` and `metadata.labels.` the rest
 * of the path is always a single key (those maps hold strings, so nothing nests).
 */
export function compilePath(path: string): PathResolver {
  const stringMap = splitStringMapPath(path);
  if (stringMap) {
    const { resolveMap, key } = stringMap;
    const readKey = ownValue(key);
    return v => readKey(resolveMap(v));
  }
  return compileTolerantLookup(path, new Map());
}
