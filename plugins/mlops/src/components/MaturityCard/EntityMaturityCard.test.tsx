import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  EVIDENCE_ANNOTATIONS,
  MATURITY_ANNOTATIONS,
  evaluateMaturity,
  ObservedFact,
} from '@landing-zone/plugin-mlops-common';
import { mlopsApiRef } from '../../api';
import { fakeMlopsApi, responseError } from '../../testing/fixtures';
import { EntityMaturityCard } from './EntityMaturityCard';

jest.setTimeout(30_000);

const model = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'fraud-scoring',
    namespace: 'default',
    annotations: {
      [EVIDENCE_ANNOTATIONS.ci]: 'github-actions',
      [EVIDENCE_ANNOTATIONS.containerImage]: 'registry.local/fraud:1',
      ...annotations,
    },
  },
  spec: {
    type: 'ml-model',
    lifecycle: 'experimental',
    owner: 'group:default/fraud',
  },
});

/** The facts route as the backend answers it (GET /entities/.../facts). */
const factsRoute = (body: { facts: ObservedFact[]; sources: unknown[] }) => ({
  fetch: jest.fn(
    async (_input: RequestInfo | URL) =>
      ({ ok: true, json: async () => body } as unknown as Response),
  ),
});

const render = (
  entity: Entity,
  api = fakeMlopsApi(),
  facts = factsRoute({ facts: [], sources: [] }),
  catalog: Entity[] = [],
) =>
  renderInTestApp(
    <TestApiProvider
      apis={[
        [mlopsApiRef, api],
        [
          discoveryApiRef,
          { getBaseUrl: async () => 'http://backend/api/mlops' },
        ],
        [fetchApiRef, facts],
        [catalogApiRef, catalogApiMock({ entities: catalog })],
      ]}
    >
      <EntityProvider entity={entity}>
        <EntityMaturityCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );

describe('EntityMaturityCard', () => {
  it('shows per check its evidence status with source and age, and the facts timeline', async () => {
    const hourAgo = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const facts = factsRoute({
      facts: [
        {
          entityRef: 'component:default/fraud-scoring',
          type: 'ci-run',
          source: 'github-actions',
          id: 'run-7',
          observedAt: hourAgo,
          data: {
            status: 'success',
            commit: 'abcdef123456',
            imageDigest: 'sha256:1',
          },
        },
        {
          entityRef: 'component:default/fraud-scoring',
          type: 'training-run',
          source: 'mlflow',
          id: 'fraud/not-found',
          observedAt: hourAgo,
          data: { found: false },
        },
      ],
      sources: [
        {
          source: 'mlflow',
          lastFailureAt: hourAgo,
          lastError: 'connection refused',
        },
      ],
    });
    await render(
      model({ [EVIDENCE_ANNOTATIONS.experimentTracking]: 'mlflow' }),
      fakeMlopsApi(),
      facts,
    );
    const ci = await screen.findByTestId('check-ci');
    expect(
      await within(ci).findByText('Observed · github-actions, 3 hours ago'),
    ).toBeInTheDocument();
    const tracking = screen.getByTestId('check-experiment-tracking');
    expect(
      within(tracking).getByText(/^Contradicted · mlflow/),
    ).toBeInTheDocument();
    expect(
      within(screen.getByTestId('check-model-registry')).getByText('Missing'),
    ).toBeInTheDocument();
    const timeline = screen.getByTestId('mlops-fact-timeline');
    expect(
      within(timeline).getByText('ci-run: success at abcdef12'),
    ).toBeInTheDocument();
    expect(
      within(timeline).getByText(/mlflow has been failing since/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('mlops-observed-share')).toHaveTextContent(
      /^2 of \d+ observable checks observed$/,
    );
    expect(facts.fetch).toHaveBeenCalledWith(
      'http://backend/api/mlops/entities/component/default/fraud-scoring/facts',
    );
  });

  it('lists every applicable check with its outcome, reason and remediation', async () => {
    const entity = model();
    const evaluation = evaluateMaturity(entity);
    await render(entity);

    expect(
      await screen.findByText(`Score ${evaluation.score}/100`),
    ).toBeInTheDocument();
    for (const check of evaluation.checks) {
      const row = screen.getByTestId(`check-${check.id}`);
      expect(within(row).getByText(check.title)).toBeInTheDocument();
      expect(within(row).getByText(check.reason)).toBeInTheDocument();
      expect(
        within(row).getByTitle(check.passed ? 'Passed' : 'Failed'),
      ).toBeInTheDocument();
      // Only failing checks carry a remediation.
      expect(row.textContent?.includes('To fix:')).toBe(!check.passed);
      expect(row.textContent?.includes(`To fix: ${check.remediation}`)).toBe(
        !check.passed,
      );
    }
    expect(evaluation.checks.some(check => check.passed)).toBe(true);
    expect(evaluation.checks.some(check => !check.passed)).toBe(true);
  });

  it('links a failing check to the scaffolder page of the template that fixes it', async () => {
    const entity = model();
    const fixable = evaluateMaturity(entity).checks.find(
      check => !check.passed && check.templateRef,
    );
    expect(fixable).toBeDefined();
    await render(entity);

    const row = await screen.findByTestId(`check-${fixable!.id}`);
    const name = fixable!.templateRef!.split('/').pop();
    expect(
      within(row).getByRole('button', { name: /Fix with template/ }),
    ).toHaveAttribute('href', `/create/templates/default/${name}`);
  });

  it('prefers the level and score the catalog processor recorded', async () => {
    await render(
      model({
        [MATURITY_ANNOTATIONS.level]: '2',
        [MATURITY_ANNOTATIONS.score]: '88',
      }),
    );
    expect(await screen.findByText('Score 88/100')).toBeInTheDocument();
    expect(
      screen.getByText(/The catalog last recorded level 2/),
    ).toBeInTheDocument();
  });

  it('draws the level history from the backend', async () => {
    const api = fakeMlopsApi();
    await render(model(), api);
    expect(await screen.findByTestId('level-history-chart')).toHaveTextContent(
      'Since 2026-10-01: level 0 → 1, score 20 → 64.',
    );
    expect(api.getEntityHistory).toHaveBeenCalledWith({
      kind: 'component',
      namespace: 'default',
      name: 'fraud-scoring',
    });
  });

  it('keeps the checks when the history cannot be loaded', async () => {
    const api = fakeMlopsApi({
      getEntityHistory: jest
        .fn()
        .mockRejectedValue(await responseError(500, 'boom')),
    });
    await render(model(), api);
    expect(await screen.findByText(/History unavailable/)).toBeInTheDocument();
    expect(
      screen.getByRole('list', { name: 'Maturity checks' }),
    ).toBeInTheDocument();
  });

  it('lists the ML entities other plugins put in the catalog that the use case relates to, as declared', async () => {
    const catalogEntity = (kind: string, name: string, type?: string) => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name, namespace: 'default' },
      spec: type ? { type } : {},
    });
    // A model-catalog-bridge model server: it dependsOn its model and providesApi its endpoint.
    const server: Entity = {
      ...model(),
      spec: { ...model().spec, type: 'model-server' },
      relations: [
        { type: 'dependsOn', targetRef: 'resource:default/granite-3b' },
        { type: 'dependsOn', targetRef: 'resource:default/claims-db' },
        { type: 'providesApi', targetRef: 'api:default/granite-endpoint' },
        { type: 'consumesApi', targetRef: 'api:default/search-tools' },
        { type: 'partOf', targetRef: 'airesource:default/granite-family' },
      ],
    };
    await render(server, fakeMlopsApi(), undefined, [
      catalogEntity('Resource', 'granite-3b', 'ai-model'),
      catalogEntity('Resource', 'claims-db', 'database'),
      catalogEntity('API', 'granite-endpoint', 'ai-model-server'),
      catalogEntity('API', 'search-tools', 'mcp-server'),
      catalogEntity('AiResource', 'granite-family'),
    ]);
    const section = await screen.findByTestId('mlops-related-ml-entities');
    const items = within(section).getAllByRole('listitem');
    expect(items.map(item => item.textContent)).toEqual([
      'AI model granite-3b (dependsOn)Declared · catalog',
      'Model server API granite-endpoint (providesApi)Declared · catalog',
      'MCP server search-tools (consumesApi)Declared · catalog',
      'AI resource granite-family (partOf)Declared · catalog',
    ]);
    expect(
      within(items[0]).getByRole('link', { name: 'granite-3b' }),
    ).toHaveAttribute('href', '/catalog/default/resource/granite-3b');
  });

  it('shows no related section for a use case without ML relations', async () => {
    await render(model());
    await screen.findByTestId('check-ci');
    expect(
      screen.queryByTestId('mlops-related-ml-entities'),
    ).not.toBeInTheDocument();
  });
});
