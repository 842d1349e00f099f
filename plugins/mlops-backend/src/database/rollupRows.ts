import { Knex } from 'knex';
import { chunks } from './chunks';
import { fromDayNumber, toDayNumber } from './encoding';
import { teamIds } from './refIds';
import { TeamDayRow, TeamWindow } from './rows';

/** Adds daily team states; a (day, team) already stored is kept. */
export async function insertTeamDayRows(
  tx: Knex,
  rows: TeamDayRow[],
): Promise<void> {
  const teams = await teamIds(
    tx,
    rows.map(r => r.team_ref),
  );
  for (const batch of chunks(rows)) {
    await tx('mlops_team_days')
      .insert(
        batch.map(r => ({
          day: toDayNumber(r.day),
          team_id: teams.get(r.team_ref)!,
          use_cases: r.use_cases,
          level_sum: r.level_sum,
        })),
      )
      .onConflict(['day', 'team_id'])
      .ignore();
  }
}

export async function listTeamDays(
  db: Knex,
  fromDay: string,
): Promise<TeamDayRow[]> {
  const rows = await db('mlops_team_days as d')
    .join('mlops_teams as t', 't.id', 'd.team_id')
    .where('d.day', '>=', toDayNumber(fromDay))
    .select('t.team_ref', 'd.day', 'd.use_cases', 'd.level_sum');
  return rows.map(raw => ({ ...raw, day: fromDayNumber(raw.day) }));
}

/** A stored `mlops_team_windows` row: the summary is kept as JSON text. */
interface StoredTeamWindow {
  team_ref: string;
  window_days: number;
  period: string;
  summary: string;
}

const keyOf = (row: StoredTeamWindow) =>
  `${row.window_days}|${row.period}|${row.team_ref}`;

function toStoredTeamWindow(window: TeamWindow): StoredTeamWindow {
  return {
    team_ref: window.teamRef,
    window_days: window.window,
    period: window.period,
    summary: JSON.stringify(window.summary),
  };
}

function fromStoredTeamWindow(stored: StoredTeamWindow): TeamWindow {
  return {
    teamRef: stored.team_ref,
    window: stored.window_days,
    period: stored.period,
    summary: JSON.parse(stored.summary),
  };
}

/** The summaries of one window and period (of one team, with `teamRef`), by team ref. */
export async function readTeamWindows(
  db: Knex,
  windowDays: number,
  period: string,
  teamRef?: string,
): Promise<TeamWindow[]> {
  const query = db('mlops_team_windows').where({
    window_days: windowDays,
    period,
  });
  if (teamRef) {
    query.where({ team_ref: teamRef });
  }
  return (await query.orderBy('team_ref')).map(fromStoredTeamWindow);
}

/**
 * Makes the stored summaries exactly `rows`, writing only those that changed: within a
 * day most do not, and an unchanged row rewritten by every snapshot would leave a dead
 * row version behind on PostgreSQL each time. The caller runs it in a transaction.
 */
export async function syncTeamWindows(
  tx: Knex,
  windows: TeamWindow[],
): Promise<void> {
  const rows = windows.map(toStoredTeamWindow);
  const stored = new Map<string, StoredTeamWindow>(
    (await tx('mlops_team_windows').select()).map(row => [keyOf(row), row]),
  );
  const changed = rows.filter(
    row => stored.get(keyOf(row))?.summary !== row.summary,
  );
  for (const row of rows) {
    stored.delete(keyOf(row));
  }
  for (const gone of stored.values()) {
    await tx('mlops_team_windows')
      .where({
        window_days: gone.window_days,
        period: gone.period,
        team_ref: gone.team_ref,
      })
      .delete();
  }
  for (const batch of chunks(changed, 200)) {
    await tx('mlops_team_windows')
      .insert(batch)
      .onConflict(['window_days', 'period', 'team_ref'])
      .merge(['summary']);
  }
}
