import { Knex } from 'knex';
import { chunks } from './chunks';

async function idsOf(
  db: Knex,
  table: string,
  column: string,
  refs: string[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const batch of chunks(refs)) {
    const rows = await db(table).whereIn(column, batch).select('id', column);
    for (const row of rows) {
      ids.set(row[column], row.id);
    }
  }
  return ids;
}

/**
 * The ids of team refs, adding the teams not stored yet. Known teams are looked up
 * first: an insert that is ignored on conflict still draws a PostgreSQL sequence value,
 * and every snapshot names every team.
 */
export async function teamIds(
  db: Knex,
  teamRefs: string[],
): Promise<Map<string, number>> {
  const refs = [...new Set(teamRefs)];
  const ids = await idsOf(db, 'mlops_teams', 'team_ref', refs);
  const missing = refs.filter(ref => !ids.has(ref));
  for (const batch of chunks(missing)) {
    await db('mlops_teams')
      .insert(batch.map(team_ref => ({ team_ref })))
      .onConflict('team_ref')
      .ignore();
  }
  for (const [ref, id] of await idsOf(db, 'mlops_teams', 'team_ref', missing)) {
    ids.set(ref, id);
  }
  return ids;
}

/** The ids of the stored entities among `entityRefs`. */
export function entityIds(
  db: Knex,
  entityRefs: string[],
): Promise<Map<string, number>> {
  return idsOf(db, 'mlops_entities', 'entity_ref', [...new Set(entityRefs)]);
}
