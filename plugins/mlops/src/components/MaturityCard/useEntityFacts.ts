import {
  discoveryApiRef,
  fetchApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { Entity } from '@backstage/catalog-model';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';
import useAsync from 'react-use/esm/useAsync';

/** A fact source's health as the timeline route reports it. */
export interface FactSourceStatus {
  source: string;
  lastSuccessAt?: string;
  lastFailureAt?: string;
  lastError?: string;
}

/** The entity's facts, newest first, and the status of the sources that report on it. */
export interface EntityFacts {
  facts: ObservedFact[];
  sources: FactSourceStatus[];
  /** When the answer arrived (epoch ms): the time the card judges freshness at. */
  fetchedAt: number;
}

/**
 * GET /entities/{kind}/{namespace}/{name}/facts through fetchApi (the user's token, so the
 * catalog read permission applies on the server).
 */
export function useEntityFacts(entity: Entity) {
  const discovery = useApi(discoveryApiRef);
  const fetchApi = useApi(fetchApiRef);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  return useAsync(async (): Promise<EntityFacts> => {
    const base = await discovery.getBaseUrl('mlops');
    const path = [kind, namespace, name].map(encodeURIComponent).join('/');
    const response = await fetchApi.fetch(`${base}/entities/${path}/facts`);
    if (!response.ok) throw await ResponseError.fromResponse(response);
    const body = (await response.json()) as Partial<EntityFacts>;
    return {
      facts: body.facts ?? [],
      sources: body.sources ?? [],
      fetchedAt: Date.now(),
    };
  }, [discovery, fetchApi, kind, namespace, name]);
}
