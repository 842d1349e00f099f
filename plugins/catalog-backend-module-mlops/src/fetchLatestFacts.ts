import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';
import type { FetchLatestFacts } from './LatestFactsCache';

/**
 * GET {mlops}/facts/latest with the catalog's own service token: one request for all
 * entities, made by the background refresh, never from the processing loop.
 */
export function createFetchLatestFacts(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  timeoutMs?: number;
}): FetchLatestFacts {
  const { discovery, auth } = options;
  return async () => {
    const baseUrl = await discovery.getBaseUrl('mlops');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'mlops',
    });
    const response = await fetch(`${baseUrl}/facts/latest`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    if (!response.ok) {
      throw new Error(
        `GET ${baseUrl}/facts/latest answered ${response.status}`,
      );
    }
    const body = (await response.json()) as { facts?: ObservedFact[] };
    if (!Array.isArray(body?.facts)) {
      throw new Error(
        `GET ${baseUrl}/facts/latest answered without a facts list`,
      );
    }
    return body.facts;
  };
}
