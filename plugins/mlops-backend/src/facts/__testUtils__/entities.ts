import { Entity } from '@backstage/catalog-model';

/** An ML use case as the collectors read it from the catalog. */
export function useCase(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'ml-model',
      owner: 'group:default/growth',
      lifecycle: 'experimental',
    },
  };
}
