import { createApiRef } from '@backstage/core-plugin-api';
import {
  EntityHistoryResponse,
  MaturityModelResponse,
  OverviewResponse,
  TeamDetailResponse,
  TeamsResponse,
  TemplatesResponse,
} from '@landing-zone/plugin-mlops-common';

/** A reporting window in days: the values of the API's `window` parameter. @public */
export type Window = 30 | 90 | 365;

/** A catalog entity's kind, namespace and name, as used in the REST paths. @public */
export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/**
 * Reads the mlops backend's precomputed scorecards and the maturity model it serves.
 *
 * @public
 */
export interface MlopsApi {
  /** The maturity model the backend parsed from `mlops.maturity`: the one the portal uses. */
  getMaturityModel(): Promise<MaturityModelResponse>;
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
