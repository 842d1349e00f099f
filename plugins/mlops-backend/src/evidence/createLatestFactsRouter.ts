import { HttpAuthService } from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import type { LatestFactsReader } from '../snapshot/useCaseEvidence';

/** The fact store's read of every entity's latest facts. */
export interface AllLatestFactsReader {
  latestFacts(
    entityRefs?: string[],
  ): ReturnType<LatestFactsReader['latestFacts']>;
}

/**
 * GET /facts/latest: every entity's latest facts in one answer, for the catalog module's
 * background refresh (see its README). Service principals only: it names entities without
 * a per-entity catalog permission check, so users never get it.
 */
export function createLatestFactsRouter(options: {
  facts: AllLatestFactsReader;
  httpAuth: HttpAuthService;
}) {
  const router = Router();
  router.get('/facts/latest', async (req, res) => {
    await options.httpAuth.credentials(req, { allow: ['service'] });
    const byEntity = await options.facts.latestFacts();
    res.json({ facts: [...byEntity.values()].flat() });
  });
  return router;
}
