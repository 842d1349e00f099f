import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** "fraud-analytics", "default/fraud-analytics" and "group:default/fraud-analytics" are one team. */
export function normalizeTeamRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  );
}
