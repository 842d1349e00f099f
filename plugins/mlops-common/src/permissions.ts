import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the maturity scorecards, history and throughput rollups.
 *
 * @public
 */
export const mlopsScorecardReadPermission = createPermission({
  name: 'mlops.scorecard.read',
  attributes: { action: 'read' },
});

/**
 * Record a use-case lifecycle event (used by the scaffolder action, service-to-service).
 *
 * @public
 */
export const mlopsUseCaseRecordPermission = createPermission({
  name: 'mlops.usecase.record',
  attributes: { action: 'create' },
});

/**
 * Push facts (observations from pipelines, CI and collectors) about entities. Which
 * entities a principal may write is narrowed further by `mlops.facts.writers`.
 *
 * @public
 */
export const mlopsFactCreatePermission = createPermission({
  name: 'mlops.fact.create',
  attributes: { action: 'create' },
});

/**
 * All permissions of the mlops plugin, for registration with the permission framework.
 *
 * @public
 */
export const mlopsPermissions = [
  mlopsScorecardReadPermission,
  mlopsUseCaseRecordPermission,
  mlopsFactCreatePermission,
];
