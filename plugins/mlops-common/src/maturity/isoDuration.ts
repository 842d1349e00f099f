const DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Calendar units have no fixed length; freshness windows only need them roughly.
const UNITS = [365 * DAY, 30 * DAY, 7 * DAY, DAY, HOUR, 60_000, 1000];

/**
 * Milliseconds in an ISO-8601 duration such as `P30D`, `P1W` or `PT12H` (years count 365
 * days, months 30). Undefined when the text is not such a duration.
 */
export function parseIsoDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  let total = 0;
  UNITS.forEach((unit, i) => {
    if (match[i + 1] !== undefined) total += Number(match[i + 1]) * unit;
  });
  return total > 0 ? total : undefined;
}

/** "3 days", "5 hours", "just now": how old something is, for reasons and cards. */
export function describeAge(ms: number): string {
  const plural = (n: number, unit: string) =>
    `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms < 60_000) return 'just now';
  if (ms < HOUR) return `${plural(Math.floor(ms / 60_000), 'minute')} ago`;
  if (ms < DAY) return `${plural(Math.floor(ms / HOUR), 'hour')} ago`;
  return `${plural(Math.floor(ms / DAY), 'day')} ago`;
}
