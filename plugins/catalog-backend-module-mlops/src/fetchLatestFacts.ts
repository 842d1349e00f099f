import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';
import type { FetchLatestFacts, LatestFactsAnswer } from './LatestFactsCache';

/**
 * GET {mlops}/facts/latest[?since=cursor] with the catalog's own service token: one
 * request for all entities (or all changed since the cursor), made by the background
 * refresh, never from the processing loop.
 */
export function createFetchLatestFacts(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  timeoutMs?: number;
}): FetchLatestFacts {
  const { discovery, auth } = options;
  return async since => {
    const baseUrl = await discovery.getBaseUrl('mlops');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'mlops',
    });
    const query =
      since === undefined ? '' : `?since=${encodeURIComponent(since)}`;
    const response = await fetch(`${baseUrl}/facts/latest${query}`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    if (!response.ok) {
      throw new Error(
        `GET ${baseUrl}/facts/latest answered ${response.status}`,
      );
    }
    const body = (await response.json()) as {
      facts?: ObservedFact[];
      cursor?: unknown;
      complete?: unknown;
    };
    if (!Array.isArray(body?.facts)) {
      throw new Error(
        `GET ${baseUrl}/facts/latest answered without a facts list`,
      );
    }
    const answer: LatestFactsAnswer = {
      facts: body.facts,
      // Only an explicit `false` is a partial answer; an older backend sends neither.
      complete: body.complete !== false,
    };
    if (typeof body.cursor === 'string') answer.cursor = body.cursor;
    return answer;
  };
}
