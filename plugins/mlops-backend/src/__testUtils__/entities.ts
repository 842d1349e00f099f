import { Entity } from '@backstage/catalog-model';

/** A catalog ML component as the processor leaves it. */
export function mlComponent(
  name: string,
  options: {
    owner?: string;
    type?: string;
    lifecycle?: string;
    level?: number;
    score?: number;
    failing?: string;
    template?: string;
    createdAt?: string;
  } = {},
): Entity {
  const annotations: Record<string, string> = {
    'landingzone.ml/maturity-level': String(options.level ?? 1),
    'landingzone.ml/maturity-score': String(options.score ?? 50),
    'landingzone.ml/failing-checks': options.failing ?? 'cd,monitoring',
  };
  if (options.template) {
    annotations['backstage.io/source-template'] = options.template;
  }
  if (options.createdAt) {
    annotations['landingzone.ml/created-at'] = options.createdAt;
  }
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: options.type ?? 'ml-model',
      lifecycle: options.lifecycle ?? 'experimental',
      owner: options.owner ?? 'fraud',
    },
  };
}

export function group(name: string, displayName: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], profile: { displayName } },
  };
}
