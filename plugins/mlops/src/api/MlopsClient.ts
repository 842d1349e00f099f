import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  EntityHistoryResponse,
  OverviewResponse,
  TeamDetailResponse,
  TeamsResponse,
  TemplatesResponse,
  Window,
} from '@landing-zone/plugin-mlops-common';
import { EntityName, MlopsApi } from './MlopsApi';

/**
 * Talks to the mlops backend through `fetchApi`, so the user's Backstage token is attached.
 *
 * @public
 */
const segment = (value: string) => encodeURIComponent(value);

export class MlopsClient implements MlopsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getOverview(window: Window): Promise<OverviewResponse> {
    return this.getJson(`/overview?window=${window}`);
  }

  getTeams(window: Window): Promise<TeamsResponse> {
    return this.getJson(`/teams?window=${window}`);
  }

  getTeam(
    team: { namespace: string; name: string },
    window: Window,
  ): Promise<TeamDetailResponse> {
    return this.getJson(
      `/teams/${segment(team.namespace)}/${segment(
        team.name,
      )}?window=${window}`,
    );
  }

  getEntityHistory(entity: EntityName): Promise<EntityHistoryResponse> {
    return this.getJson(
      `/entities/${segment(entity.kind)}/${segment(entity.namespace)}/${segment(
        entity.name,
      )}/history`,
    );
  }

  getTemplates(): Promise<TemplatesResponse> {
    return this.getJson('/templates');
  }

  async getTeamsCsv(window: Window): Promise<string> {
    const response = await this.request(`/teams.csv?window=${window}`);
    return response.text();
  }

  private async getJson<T>(path: string): Promise<T> {
    const response = await this.request(path);
    return (await response.json()) as T;
  }

  private async request(path: string): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('mlops');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

// Entity names may contain characters that are meaningful in a URL path.
