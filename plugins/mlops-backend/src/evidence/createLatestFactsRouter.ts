import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import Router from 'express-promise-router';
import type { LatestFactsReader } from '../snapshot/useCaseEvidence';

type LatestByEntity = ReturnType<LatestFactsReader['latestFacts']>;

/** The fact store's reads of latest facts (see FactStore). */
export interface AllLatestFactsReader {
  latestFacts(entityRefs?: string[]): LatestByEntity;
  /** Latest facts of the entities written at or after `since` (epoch ms). */
  latestFactsChangedSince(since: number): LatestByEntity;
  /** When retention last removed latest facts (epoch ms), if ever. */
  latestRemovedAt(): Promise<number | undefined>;
}

/**
 * How far before a cursor a changes-only answer starts: a push stamps its change time just
 * before it commits, so one that committed after the previous answer was read, or on a
 * replica whose clock is a little behind, is still in the next answer. Entities in the
 * overlap are sent twice, which a cache replacing per entity does not mind.
 */
export const CURSOR_OVERLAP_MS = 5 * 60_000;

function parseCursor(since: unknown): number | undefined {
  if (since === undefined) return undefined;
  const millis = typeof since === 'string' ? Number(since) : NaN;
  if (!Number.isSafeInteger(millis) || millis < 0) {
    throw new InputError(
      'since: expected the cursor of an earlier GET /facts/latest answer',
    );
  }
  return millis;
}

/**
 * GET /facts/latest: every entity's latest facts in one answer, for the catalog module's
 * background refresh (see its README). Service principals only: it names entities without
 * a per-entity catalog permission check, so users never get it.
 *
 * Every answer carries a `cursor`; given back as `since`, the next answer holds only the
 * entities whose facts were written since (each with all its latest facts, to replace what
 * the caller holds) and says `complete: false`. Removals leave no change time, so when
 * retention removed latest facts since the cursor (a missing entity, an expired model
 * version) the answer is complete again (`complete: true`: replace everything).
 */
export function createLatestFactsRouter(options: {
  facts: AllLatestFactsReader;
  httpAuth: HttpAuthService;
  /** The clock of the cursors: the fact store's (tests set both). */
  now?: () => number;
}) {
  const { facts } = options;
  const now = options.now ?? Date.now;
  const router = Router();
  router.get('/facts/latest', async (req, res) => {
    await options.httpAuth.credentials(req, { allow: ['service'] });
    const since = parseCursor(req.query.since);
    // Taken before reading: whatever is written during the read is in the next answer.
    const cursor = String(now());
    const from = since === undefined ? undefined : since - CURSOR_OVERLAP_MS;
    const removedAt =
      from === undefined ? undefined : await facts.latestRemovedAt();
    const complete =
      from === undefined || (removedAt !== undefined && removedAt >= from);
    const byEntity = complete
      ? await facts.latestFacts()
      : await facts.latestFactsChangedSince(from!);
    res.json({ facts: [...byEntity.values()].flat(), cursor, complete });
  });
  return router;
}
