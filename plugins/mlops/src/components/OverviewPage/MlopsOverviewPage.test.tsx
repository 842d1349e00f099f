import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { mlopsApiRef, Window } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  fakeMlopsApi,
  overview,
  responseError,
  teams,
} from '../../testing/fixtures';
import { MlopsOverviewPage } from './MlopsOverviewPage';

const render = (api: ReturnType<typeof fakeMlopsApi>, path = '/') =>
  renderInTestApp(
    <TestApiProvider apis={[[mlopsApiRef, api]]}>
      <MlopsOverviewPage />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: {
        '/mlops': rootRouteRef,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );

// material-table renders slowly in jsdom on a shared CI machine; this is a budget, not a check.
jest.setTimeout(30_000);

describe('MlopsOverviewPage', () => {
  it('shows the KPIs, the trend and level charts, and every team in the table', async () => {
    const api = fakeMlopsApi();
    await render(api);

    const tiles = await screen.findAllByTestId('kpi-tile');
    expect(tiles.map(tile => tile.textContent)).toEqual([
      expect.stringContaining('ML use cases42'),
      expect.stringContaining('In production17'),
      expect.stringContaining('Throughput9'),
      expect.stringContaining('Median lead time23 d'),
      expect.stringContaining('Value saved$187,200'),
    ]);
    expect(screen.getByText('40% of use cases')).toBeInTheDocument();
    expect(screen.getByTestId('throughput-chart')).toHaveTextContent(
      '6 use cases reached production over 6 periods.',
    );
    expect(screen.getByTestId('level-distribution-chart')).toHaveTextContent(
      'Use cases per level for each of the 2 teams.',
    );

    const teamLink = screen.getByRole('link', { name: 'Fraud Analytics' });
    expect(teamLink).toHaveAttribute(
      'href',
      '/mlops/teams/default/fraud-analytics?window=90',
    );
    // A team without a production use case shows no lead time rather than zero days.
    const churnRow = screen
      .getByRole('link', { name: 'Churn Insights' })
      .closest('tr')!;
    expect(within(churnRow).getByText('—')).toBeInTheDocument();
    expect(api.getOverview).toHaveBeenCalledWith(90);
    expect(api.getTeams).toHaveBeenCalledWith(90);
  });

  it('reloads both figures for the window picked', async () => {
    const api = fakeMlopsApi();
    await render(api);
    await screen.findAllByTestId('kpi-tile');

    fireEvent.click(screen.getByRole('button', { name: 'Last 365 days' }));

    await waitFor(() => expect(api.getOverview).toHaveBeenLastCalledWith(365));
    expect(api.getTeams).toHaveBeenLastCalledWith(365);
    expect(
      await screen.findByText('reached production in 365 days'),
    ).toBeInTheDocument();
  });

  it('reads the window from the URL so a view can be shared', async () => {
    const api = fakeMlopsApi();
    await render(api, '/?window=30');
    await screen.findAllByTestId('kpi-tile');
    expect(api.getOverview).toHaveBeenCalledWith(30);
    expect(
      screen.getByRole('button', { name: 'Last 30 days' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('filters the team table by search text', async () => {
    await render(fakeMlopsApi());
    await screen.findByRole('link', { name: 'Fraud Analytics' });

    fireEvent.change(screen.getByPlaceholderText('Filter'), {
      target: { value: 'churn' },
    });

    await waitFor(() =>
      expect(
        screen.queryByRole('link', { name: 'Fraud Analytics' }),
      ).toBeNull(),
    );
    expect(
      screen.getByRole('link', { name: 'Churn Insights' }),
    ).toBeInTheDocument();
  });

  it('says how the level chart is cut when there are many teams', async () => {
    const many = teams();
    many.teams = Array.from({ length: 40 }, (_, index) => ({
      ...many.teams[0],
      teamRef: `group:default/team-${index}`,
      title: `Team ${index}`,
    }));
    await render(fakeMlopsApi({ getTeams: jest.fn(async () => many) }));
    expect(
      await screen.findByTestId('level-distribution-chart'),
    ).toHaveTextContent(
      'Use cases per level for the 15 largest of 40 teams; the table below lists all.',
    );
  });

  it('invites to create a first use case when there is none', async () => {
    await render(
      fakeMlopsApi({
        getOverview: jest.fn(async () => overview(90, { useCases: 0 })),
      }),
    );
    expect(await screen.findByText('No ML use cases yet')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Create ML use case' }),
    ).toHaveAttribute('href', '/create');
    expect(screen.queryByTestId('kpi-tile')).toBeNull();
  });

  it('shows the server error and loads again on retry', async () => {
    const api = fakeMlopsApi({
      getOverview: jest
        .fn()
        .mockRejectedValueOnce(
          await responseError(500, 'database is restarting'),
        )
        .mockImplementation(async () => overview()),
    });
    await render(api);

    expect(
      await screen.findByText(/Could not load the scorecards/),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/database is restarting/).length,
    ).toBeGreaterThan(0);

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('kpi-tile')).toHaveLength(5);
  });

  it('exports the team table as a CSV file fetched with the user token', async () => {
    const api = fakeMlopsApi();
    const createObjectURL = jest.fn((_blob: Blob) => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await render(api);
    await screen.findAllByTestId('kpi-tile');

    fireEvent.click(screen.getByRole('button', { name: /Export CSV/ }));

    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(api.getTeamsCsv).toHaveBeenCalledWith(90);
    await expect(createObjectURL.mock.calls[0][0].text()).resolves.toBe(
      'team,useCases\n',
    );
  });

  it('shows the template analytics under its own tab', async () => {
    await render(fakeMlopsApi(), '/templates');
    expect(await screen.findByText('Template analytics')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'batch-training' }),
    ).toBeInTheDocument();
  });

  it('opens a team scorecard reached from the table', async () => {
    const api = fakeMlopsApi();
    await render(api, '/teams/default/fraud-analytics?window=365');
    expect(await screen.findByText('Chargeback predictor')).toBeInTheDocument();
    expect(api.getTeam).toHaveBeenCalledWith(
      { namespace: 'default', name: 'fraud-analytics' },
      365,
    );
    expect(screen.getByRole('link', { name: '← All teams' })).toHaveAttribute(
      'href',
      '/mlops?window=365',
    );
  });

  it('warns visibly when the last history snapshot failed (issue 13.1)', async () => {
    const api = fakeMlopsApi({
      getOverview: jest.fn(async (window: Window) => ({
        ...overview(window),
        freshness: {
          lastRefreshedAt: '2026-11-20T10:00:00.000Z',
          lastSnapshotFailed: true,
          lastFailedAt: '2026-11-21T10:00:00.000Z',
        },
      })),
    });
    await render(api);
    expect(
      await screen.findByText(/History may be out of date/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /The last history snapshot failed .*These figures are from 20 Nov 2026/,
      ),
    ).toBeInTheDocument();
  });

  it('shows no notice while history is fresh', async () => {
    const api = fakeMlopsApi({
      getOverview: jest.fn(async (window: Window) => ({
        ...overview(window),
        freshness: {
          lastRefreshedAt: new Date().toISOString(),
          lastSnapshotFailed: false,
          lastFailedAt: null,
        },
      })),
    });
    await render(api);
    await screen.findAllByTestId('kpi-tile');
    expect(screen.queryByText(/History may be out of date/)).toBeNull();
  });
});
