import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { mlopsApiRef } from '../../api';
import { fakeMlopsApi, responseError } from '../../testing/fixtures';
import { TemplateAnalyticsCard } from './TemplateAnalyticsCard';

const render = (api = fakeMlopsApi()) =>
  renderInTestApp(
    <TestApiProvider apis={[[mlopsApiRef, api]]}>
      <TemplateAnalyticsCard />
    </TestApiProvider>,
    // Team names link to their pages in the catalog.
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('TemplateAnalyticsCard', () => {
  it('ranks templates by use cases, with teams, production and runs', async () => {
    await render();
    const table = await screen.findByRole('table', { name: 'Template usage' });
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = rows.map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    );
    // Template, use cases, teams, levels (a bar), in production, runs ok / failed.
    expect(cells).toEqual([
      [
        'batch-training',
        '7',
        'fraud-analytics, churn-insights',
        '',
        '5',
        '7 / 0',
      ],
      ['llm-app', '2', 'support-ai', '', '0', '2 / 1'],
    ]);
    expect(
      within(rows[0]).getByRole('link', { name: 'fraud-analytics' }),
    ).toHaveAttribute('href', '/catalog/default/group/fraud-analytics');
    expect(
      within(rows[0]).getByRole('link', { name: 'batch-training' }),
    ).toHaveAttribute('href', '/create/templates/default/batch-training');
    expect(within(rows[0]).getByRole('img')).toHaveAttribute(
      'aria-label',
      'Manual: 0, Automated: 4, Self-serve: 3',
    );
  });

  it('explains what will appear when no template was used yet', async () => {
    await render(
      fakeMlopsApi({
        getTemplates: jest.fn(async () => ({ levelNames: [], templates: [] })),
      }),
    );
    expect(
      await screen.findByText('No template has created a use case yet'),
    ).toBeInTheDocument();
  });

  it('shows a failure with the server message', async () => {
    await render(
      fakeMlopsApi({
        getTemplates: jest
          .fn()
          .mockRejectedValue(await responseError(500, 'no runs table')),
      }),
    );
    expect(
      await screen.findByText(/Could not load template analytics/),
    ).toBeInTheDocument();
  });
});
