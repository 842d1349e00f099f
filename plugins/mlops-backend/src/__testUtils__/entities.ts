import { Entity } from '@backstage/catalog-model';
import { defaultMaturityModel } from '@landing-zone/plugin-mlops-common';

/** Three annotation-only checks: ci at Level 1, cd and monitoring at Level 2. */
const TEST_MODEL_CHECKS = [
  { id: 'ci', level: 1 },
  { id: 'cd', level: 2 },
  { id: 'monitoring', level: 2 },
];

/**
 * `mlops.maturity` for tests about what the API serves rather than how a level is
 * evaluated: the default model cut down to three checks declared by annotations (no facts),
 * so mlComponent's `level` and `failing` options are what the snapshot computes.
 */
export const testModelConfig = {
  evidence: 'declared',
  disabledChecks: defaultMaturityModel.checks
    .map(check => check.id)
    .filter(id => !TEST_MODEL_CHECKS.some(check => check.id === id)),
  checks: TEST_MODEL_CHECKS.map(({ id, level }) => ({
    id,
    level,
    required: true,
    fact: null,
    condition: {
      [`metadata.annotations.landingzone.test/${id}`]: { $exists: true },
    },
  })),
};

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
  // The declarations testModelConfig's checks read: a check passes unless it is listed
  // as failing, so a fixture's level is what evaluating it gives, not only what it says.
  const failing = (options.failing ?? 'cd,monitoring').split(',');
  for (const check of TEST_MODEL_CHECKS.filter(c => !failing.includes(c.id))) {
    annotations[`landingzone.test/${check.id}`] = 'yes';
  }
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
