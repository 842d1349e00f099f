import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import mlopsPlugin from './alpha';
import { mlopsApiRef } from './api';
import { fakeMlopsApi } from './testing/fixtures';

jest.setTimeout(30_000);

const component = (type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x' },
  spec: { type },
});

describe('mlops plugin for the new frontend system', () => {
  it('mounts the overview page at /mlops with a title for the navigation', async () => {
    const page = mlopsPlugin.getExtension('page:mlops');
    const tester = createExtensionTester(page);
    expect(tester.get(coreExtensionData.routePath)).toBe('/mlops');
    expect(tester.get(coreExtensionData.title)).toBe('MLOps maturity');

    renderTestApp({
      features: [mlopsPlugin],
      initialRouteEntries: ['/mlops'],
      apis: [[mlopsApiRef, fakeMlopsApi()]],
    });
    // The whole app boots here, which takes a while in jsdom.
    expect(
      await screen.findAllByTestId('kpi-tile', {}, { timeout: 20_000 }),
    ).toHaveLength(5);
    expect(
      screen.getByRole('link', { name: 'Fraud Analytics' }),
    ).toHaveAttribute('href', '/mlops/teams/default/fraud-analytics?window=90');
  });

  it('shows the maturity card on ML components only', () => {
    const card = mlopsPlugin.getExtension('entity-card:mlops/maturity');
    const filter = createExtensionTester(card).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(component('ml-model'))).toBe(true);
    expect(filter?.(component('service'))).toBe(false);
  });

  it('offers the team scorecard as an "MLOps" tab on Group pages', () => {
    const tester = createExtensionTester(
      mlopsPlugin.getExtension('entity-content:mlops/team-scorecard'),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('mlops');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('MLOps');
    expect(tester.get(EntityContentBlueprint.dataRefs.filterExpression)).toBe(
      'kind:group',
    );
  });
});
