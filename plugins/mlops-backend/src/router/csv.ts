import { TeamSummary } from '@landing-zone/plugin-mlops-common';

/**
 * Quotes a CSV cell. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * get a leading apostrophe, because team titles come from the catalog, not from us.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The teams table as CSV: one header row, then one row per team. */
export function teamsCsv(teams: TeamSummary[], levelNames: string[]): string {
  const header = [
    'team',
    'title',
    'use_cases',
    'in_production',
    ...levelNames.map((_, level) => `level_${level}`),
    'average_level',
    'average_score',
    'throughput',
    'lead_time_median_days',
    'lead_time_p85_days',
    'flow_load',
  ];
  const rows = teams.map(team => [
    team.teamRef,
    team.title,
    team.useCases,
    team.inProduction,
    ...levelNames.map((_, level) => team.levels[level] ?? 0),
    team.averageLevel,
    team.averageScore,
    team.throughput,
    team.leadTime.medianDays,
    team.leadTime.p85Days,
    team.flowLoad,
  ]);
  return [header, ...rows]
    .map(row => row.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}
