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

/** "36 h" or "3.5 d" for a duration in hours; "–" when there is none. */
export function formatHours(hours: number | null | undefined): string {
  if (hours === null || hours === undefined) return '–';
  return hours < 48 ? `${Math.round(hours)} h` : `${(hours / 24).toFixed(1)} d`;
}

/**
 * "2 of 5 self-declared" when some lead times rest on `spec.lifecycle` rather than a
 * production deployment fact; undefined when all are observed (or none reached production).
 */
export function declaredLeadTimes(leadTime: {
  count: number;
  declared?: number;
}): string | undefined {
  if (!leadTime.declared || leadTime.count === 0) return undefined;
  return `${leadTime.declared} of ${leadTime.count} self-declared`;
}
