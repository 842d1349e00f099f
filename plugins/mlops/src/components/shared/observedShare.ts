/** "3/9 observed" for a use case or a team; undefined when not evaluated on facts. */
export function observedShare(
  evidence:
    | { observedChecks?: number | null; observableChecks?: number | null }
    | undefined,
): string | undefined {
  const observable = evidence?.observableChecks;
  if (observable === null || observable === undefined) return undefined;
  if (observable === 0) return 'nothing to observe';
  const observed = evidence?.observedChecks ?? 0;
  return `${Math.round(
    (100 * observed) / observable,
  )} % observed (${observed}/${observable})`;
}
