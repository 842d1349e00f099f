import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { EntityLayout, catalogPlugin } from '@backstage/plugin-catalog';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  renderInTestApp,
  TestApiProvider,
  mockApis,
} from '@backstage/test-utils';
import {
  catalogApiRef,
  entityRouteRef,
  starredEntitiesApiRef,
  MockStarredEntitiesApi,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mlopsApiRef } from '../api';
import { fakeMlopsApi } from '../testing/fixtures';
import {
  mlopsMaturityTab,
  mlopsTeamScorecardTab,
} from './__testUtils__/legacyEntityTabs';

/*
 * The legacy install snippet in README.md is __testUtils__/legacyEntityTabs.tsx, word for
 * word: the root tsc compiles it, this test renders it in an EntityLayout as an adopter's
 * EntityPage.tsx would, and checks the README still carries exactly this file.
 */

jest.setTimeout(30_000);

const component = (type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'fraud-scoring', namespace: 'default' },
  spec: { type, lifecycle: 'production', owner: 'group:default/fraud' },
});

const renderPage = (entity: Entity, tab: JSX.Element) =>
  renderInTestApp(
    <TestApiProvider
      apis={[
        [mlopsApiRef, fakeMlopsApi()],
        [catalogApiRef, catalogApiMock({ entities: [entity] })],
        [starredEntitiesApiRef, new MockStarredEntitiesApi()],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityLayout>
          <EntityLayout.Route path="/" title="Overview">
            <div>the adopter's overview</div>
          </EntityLayout.Route>
          <EntityLayout.Route path="/docs" title="Docs">
            <div>the adopter's docs</div>
          </EntityLayout.Route>
          {tab}
        </EntityLayout>
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog': catalogPlugin.routes.catalogIndex,
        '/catalog/:namespace/:kind/:name': entityRouteRef,
      },
    },
  );

describe('the legacy install snippet', () => {
  it('is the README block, unchanged', () => {
    const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
    const fixture = readFileSync(
      resolve(__dirname, '__testUtils__/legacyEntityTabs.tsx'),
      'utf8',
    );
    const block =
      /```tsx file=packages\/app\/src\/components\/catalog\/mlopsTabs\.tsx\n([\s\S]*?)```/.exec(
        readme,
      );
    expect(block?.[1]).toBe(fixture);
  });

  it('adds a tab to an ML component page and keeps the others', async () => {
    await renderPage(component('ml-model'), mlopsMaturityTab);
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Docs' })).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'MLOps maturity' }),
    ).toBeInTheDocument();
    expect(screen.getByText("the adopter's overview")).toBeInTheDocument();
  });

  it('leaves other components without the tab', async () => {
    await renderPage(component('service'), mlopsMaturityTab);
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'MLOps maturity' })).toBeNull();
  });

  it('adds the scorecard tab to a Group page', async () => {
    await renderPage(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'fraud', namespace: 'default' },
        spec: { type: 'team', children: [] },
      },
      mlopsTeamScorecardTab,
    );
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeInTheDocument();
    expect(
      screen.getByRole('tab', { name: 'ML scorecard' }),
    ).toBeInTheDocument();
  });
});
