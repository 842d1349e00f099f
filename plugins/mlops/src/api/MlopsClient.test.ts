import { MlopsClient } from './MlopsClient';

function clientAnswering(answer: () => Response) {
  const requested: string[] = [];
  const client = new MlopsClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backend.test/api/${pluginId}`,
    },
    fetchApi: {
      fetch: async (input: RequestInfo | URL) => {
        requested.push(String(input));
        return answer();
      },
    },
  });
  return { client, requested };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    statusText: status === 200 ? 'OK' : 'Forbidden',
    headers: { 'content-type': 'application/json' },
  });

describe('MlopsClient', () => {
  it('asks the mlops backend for the overview of the chosen window', async () => {
    const { client, requested } = clientAnswering(() => json({ window: 90 }));
    await expect(client.getOverview(90)).resolves.toEqual({ window: 90 });
    expect(requested).toEqual([
      'http://backend.test/api/mlops/overview?window=90',
    ]);
  });

  it('escapes team and entity names in the path', async () => {
    const { client, requested } = clientAnswering(() => json({}));
    await client.getTeam({ namespace: 'default', name: 'a/b c' }, 30);
    await client.getEntityHistory({
      kind: 'Component',
      namespace: 'default',
      name: 'fraud?model',
    });
    expect(requested).toEqual([
      'http://backend.test/api/mlops/teams/default/a%2Fb%20c?window=30',
      'http://backend.test/api/mlops/entities/Component/default/fraud%3Fmodel/history',
    ]);
  });

  it('returns the CSV export as text', async () => {
    const { client, requested } = clientAnswering(
      () => new Response('team,useCases\ngroup:default/a,3\n', { status: 200 }),
    );
    await expect(client.getTeamsCsv(365)).resolves.toBe(
      'team,useCases\ngroup:default/a,3\n',
    );
    expect(requested).toEqual([
      'http://backend.test/api/mlops/teams.csv?window=365',
    ]);
  });

  it('turns an error answer into a ResponseError carrying the server message', async () => {
    const { client } = clientAnswering(() =>
      json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'mlops.scorecard.read denied',
          },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    await expect(client.getTemplates()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
      cause: {
        name: 'NotAllowedError',
        message: 'mlops.scorecard.read denied',
      },
    });
  });
});
