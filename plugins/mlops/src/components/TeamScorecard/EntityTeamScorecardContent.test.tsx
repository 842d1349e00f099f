import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { mlopsApiRef } from '../../api';
import { fakeMlopsApi, responseError } from '../../testing/fixtures';
import { EntityTeamScorecardContent } from './EntityTeamScorecardContent';

jest.setTimeout(30_000);

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'fraud-analytics', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const render = (api = fakeMlopsApi()) =>
  renderInTestApp(
    <TestApiProvider apis={[[mlopsApiRef, api]]}>
      <EntityProvider entity={group}>
        <EntityTeamScorecardContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('EntityTeamScorecardContent', () => {
  it("shows the group's use cases with level, score and failing checks", async () => {
    const api = fakeMlopsApi();
    await render(api);

    const row = (
      await screen.findByRole('link', { name: 'Chargeback predictor' })
    ).closest('tr')!;
    expect(within(row).getByText('L1 · Automated')).toBeInTheDocument();
    expect(within(row).getByText('58')).toBeInTheDocument();
    expect(within(row).getByText('monitoring')).toBeInTheDocument();
    expect(within(row).getByText('drift-detection')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Chargeback predictor' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/chargeback-predictor',
    );
    expect(screen.getByTestId('team-level-trend-chart')).toHaveTextContent(
      'Average level went from 0.50 to 0.80 over the window.',
    );
    expect(api.getTeam).toHaveBeenCalledWith(
      { namespace: 'default', name: 'fraud-analytics' },
      90,
    );
  });

  it('treats a team unknown to the backend as having no use cases', async () => {
    await render(
      fakeMlopsApi({
        getTeam: jest
          .fn()
          .mockRejectedValue(await responseError(404, 'no team')),
      }),
    );
    expect(
      await screen.findByText('No ML use cases for this team'),
    ).toBeInTheDocument();
  });

  it('shows other failures with the server message', async () => {
    await render(
      fakeMlopsApi({
        getTeam: jest
          .fn()
          .mockRejectedValue(await responseError(500, 'rollup missing')),
      }),
    );
    expect(
      await screen.findByText(/Could not load the team scorecard/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/rollup missing/).length).toBeGreaterThan(0);
  });
});
