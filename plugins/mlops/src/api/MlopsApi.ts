import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityHistoryResponse,
  OverviewResponse,
  TeamDetailResponse,
  TeamsResponse,
  TemplatesResponse,
  Window,
} from '@landing-zone/plugin-mlops-common';

/** A catalog entity's kind, namespace and name, as used in the REST paths. @public */
export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Reads the mlops backend's precomputed scorecards.
 *
 * @public
 */
export interface MlopsApi {
  getOverview(window: Window): Promise<OverviewResponse>;
  getTeams(window: Window): Promise<TeamsResponse>;
  getTeam(
    team: { namespace: string; name: string },
    window: Window,
  ): Promise<TeamDetailResponse>;
  getEntityHistory(entity: EntityName): Promise<EntityHistoryResponse>;
  getTemplates(): Promise<TemplatesResponse>;
  /** The team table as CSV text (the backend renders it, so the file matches the API). */
  getTeamsCsv(window: Window): Promise<string>;
}

/** @public */
export const mlopsApiRef = createApiRef<MlopsApi>({ id: 'plugin.mlops.api' });
