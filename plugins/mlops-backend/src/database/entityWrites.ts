import { Knex } from 'knex';
import { chunks } from './chunks';
import { entityIds, teamIds } from './refIds';
import { EntityRow, EventRow, ScoreRow, SNAPSHOT_FIELDS } from './rows';
import { toStoredEntity, toStoredEvent, toStoredScore } from './storedRows';

/** Everything one entity's snapshot writes, applied atomically. */
export interface EntityChange {
  row: EntityRow;
  events: EventRow[];
  score?: ScoreRow;
}

/** The stored columns of SNAPSHOT_FIELDS: entities point at their team by id. */
const SNAPSHOT_COLUMNS = SNAPSHOT_FIELDS.map(field =>
  field === 'team_ref' ? 'team_id' : field,
);

function idOf(ids: Map<string, number>, ref: string): number {
  const id = ids.get(ref);
  if (id === undefined) {
    throw new Error(`mlops: no stored entity ${ref}`);
  }
  return id;
}

/**
 * Writes entity rows, then their events and scores under the entities' ids. The caller
 * runs it in a transaction, so an entity's row and its events commit together.
 */
export async function writeEntityChanges(
  tx: Knex,
  changes: EntityChange[],
): Promise<void> {
  for (const batch of chunks(changes)) {
    const teams = await teamIds(
      tx,
      batch.map(c => c.row.team_ref),
    );
    // The upsert returns inserted and updated rows alike, so no second query for the ids.
    const upserted: Array<{ id: number | string; entity_ref: string }> =
      await tx('mlops_entities')
        .insert(
          batch.map(c => toStoredEntity(c.row, teams.get(c.row.team_ref)!)),
        )
        .onConflict('entity_ref')
        .merge(SNAPSHOT_COLUMNS)
        .returning(['id', 'entity_ref']);
    const ids = new Map(upserted.map(r => [r.entity_ref, Number(r.id)]));
    const events = batch.flatMap(c =>
      c.events.map(e => toStoredEvent(e, idOf(ids, e.entity_ref))),
    );
    for (const rows of chunks(events)) {
      // Skips an event already stored (the same snapshot again) and a second
      // first-seen or reached-production (the once-only index).
      await tx('mlops_events').insert(rows).onConflict().ignore();
    }
    const scores = batch.flatMap(c =>
      c.score ? [toStoredScore(c.score, idOf(ids, c.score.entity_ref))] : [],
    );
    if (scores.length > 0) {
      await tx('mlops_entity_scores')
        .insert(scores)
        .onConflict(['entity_id', 'day'])
        .merge(['level', 'score']);
    }
  }
}

/** Adds score changes of stored entities; a day already recorded is kept. */
export async function insertScores(db: Knex, rows: ScoreRow[]): Promise<void> {
  for (const batch of chunks(rows)) {
    const ids = await entityIds(
      db,
      batch.map(s => s.entity_ref),
    );
    await db('mlops_entity_scores')
      .insert(batch.map(s => toStoredScore(s, idOf(ids, s.entity_ref))))
      .onConflict(['entity_id', 'day'])
      .ignore();
  }
}
