import { screen, within } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  EVIDENCE_ANNOTATIONS,
  MATURITY_ANNOTATIONS,
  evaluateMaturity,
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

const render = (entity: Entity, api = fakeMlopsApi()) =>
  renderInTestApp(
    <TestApiProvider apis={[[mlopsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityMaturityCard />
      </EntityProvider>
    </TestApiProvider>,
  );

describe('EntityMaturityCard', () => {
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
});
