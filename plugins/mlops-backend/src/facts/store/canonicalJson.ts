/**
 * JSON with object keys sorted at every depth, so two facts with the same content give the
 * same string whatever key order a pusher used, and "unchanged" is a string comparison.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map(k => [k, v[k]]),
        )
      : v,
  );
}
