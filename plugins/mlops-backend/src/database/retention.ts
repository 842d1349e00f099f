import { Knex } from 'knex';
import { chunks } from './chunks';
import { toDayNumber, toMillis } from './encoding';

async function distinctTeamIds(db: Knex, table: string): Promise<Set<number>> {
  const rows = await db(table).distinct('team_id');
  return new Set(rows.map(row => row.team_id));
}

/**
 * Deletes the team refs nothing refers to any more. The referring ids are read first
 * (a few thousand at most) rather than asked per team: `mlops_team_days` has no index
 * that starts with the team. Only the snapshot task writes teams, and it runs this after
 * its writes, so no insert can race with it.
 */
async function deleteUnusedTeams(db: Knex): Promise<number> {
  const used = await distinctTeamIds(db, 'mlops_entities');
  for (const id of await distinctTeamIds(db, 'mlops_team_days')) {
    used.add(id);
  }
  const unused = (await db('mlops_teams').pluck('id')).filter(
    id => !used.has(id),
  );
  let deleted = 0;
  for (const ids of chunks(unused)) {
    deleted += await db('mlops_teams').whereIn('id', ids).delete();
  }
  return deleted;
}

/**
 * Deletes history older than the cutoff day and returns the rows deleted per table.
 * A removed entity goes once its removal is older than the cutoff; by then its events
 * and scores (all from before its removal) have gone too.
 */
export async function enforceRetention(
  db: Knex,
  cutoffDay: string,
): Promise<Record<string, number>> {
  const cutoff = toMillis(`${cutoffDay}T00:00:00.000Z`);
  const day = toDayNumber(cutoffDay);
  const deleted = {
    events: await db('mlops_events').where('at', '<', cutoff).delete(),
    runs: await db('mlops_runs').where('at', '<', cutoff).delete(),
    scores: await db('mlops_entity_scores').where('day', '<', day).delete(),
    teamDays: await db('mlops_team_days').where('day', '<', day).delete(),
    entities: await db('mlops_entities')
      .where('removed_at', '<', cutoff)
      .delete(),
    teams: 0,
  };
  if (deleted.teamDays > 0 || deleted.entities > 0) {
    deleted.teams = await deleteUnusedTeams(db);
  }
  return deleted;
}
