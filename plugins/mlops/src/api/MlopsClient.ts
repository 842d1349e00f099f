import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DefaultApiClient,
  EntityHistoryResponse,
  GetOverview,
  MaturityModelResponse,
  OverviewResponse,
  TeamDetailResponse,
  TeamsResponse,
  TemplatesResponse,
  TypedResponse,
} from '@landing-zone/plugin-mlops-common';
import { EntityName, MlopsApi, Window } from './MlopsApi';

/** The `window` query parameter; a window the spec drops is a type error here. */
const windowParam = (
  window: Window,
): NonNullable<GetOverview['query']['window']> => `${window}`;

/**
 * The frontend's MlopsApi on the client generated from openapi.yaml. Requests go through
 * `fetchApi`, so the user's Backstage token is attached; an error answer becomes a
 * ResponseError carrying the server's message.
 *
 * @public
 */
export class MlopsClient implements MlopsApi {
  private readonly client: DefaultApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new DefaultApiClient(options);
  }

  async getMaturityModel(): Promise<MaturityModelResponse> {
    return readJson(await this.client.getMaturityModel({}));
  }

  async getOverview(window: Window): Promise<OverviewResponse> {
    return readJson(
      await this.client.getOverview({ query: { window: windowParam(window) } }),
    );
  }

  async getTeams(window: Window): Promise<TeamsResponse> {
    return readJson(
      await this.client.getTeams({ query: { window: windowParam(window) } }),
    );
  }

  async getTeam(
    team: { namespace: string; name: string },
    window: Window,
  ): Promise<TeamDetailResponse> {
    return readJson(
      await this.client.getTeam({
        path: team,
        query: { window: windowParam(window) },
      }),
    );
  }

  async getEntityHistory(entity: EntityName): Promise<EntityHistoryResponse> {
    return readJson(await this.client.getEntityHistory({ path: entity }));
  }

  async getTemplates(): Promise<TemplatesResponse> {
    return readJson(await this.client.getTemplates({}));
  }

  async getTeamsCsv(window: Window): Promise<string> {
    const response = await this.client.getTeamsCsv({
      query: { window: windowParam(window) },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.text();
  }
}

async function readJson<T>(response: TypedResponse<T>): Promise<T> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response.json();
}
