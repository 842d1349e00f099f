import AxeBuilder from '@axe-core/playwright';
import { Page, expect, test } from '@playwright/test';
import type {
  OverviewResponse,
  TeamDetailResponse,
  TeamsResponse,
} from '@landing-zone/plugin-mlops-common';
import { getJson, openAsGuest, screenshotDir } from './helpers';

/*
 * The MLOps pages against the running demo portal. Every number checked is read from the
 * backend API in the same test, so the demo data can change without touching this file.
 */

const formatNumber = (value: number) =>
  new Intl.NumberFormat('en-US').format(Math.round(value));

/** Fails on serious or critical axe violations inside our own part of the page. */
async function expectAccessible(page: Page, selector: string) {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = results.violations.filter(violation =>
    ['serious', 'critical'].includes(violation.impact ?? ''),
  );
  expect(
    serious.map(
      v =>
        `${v.id}: ${v.help} at ${v.nodes
          .slice(0, 4)
          .map(
            node =>
              `${node.target.join(' ')} ${node.failureSummary
                ?.split('\n')
                .slice(1, 2)
                .join('')}`,
          )
          .join(' | ')}`,
    ),
    'serious accessibility violations',
  ).toEqual([]);
}

async function largestTeam(request: Parameters<typeof getJson>[0]) {
  const teams = await getJson<TeamsResponse>(
    request,
    '/api/mlops/teams?window=90',
  );
  expect(teams.teams.length).toBeGreaterThan(0);
  return [...teams.teams].sort((a, b) => b.useCases - a.useCases)[0];
}

test('the overview shows the KPIs the backend computed', async ({
  page,
  request,
}) => {
  const overview = await getJson<OverviewResponse>(
    request,
    '/api/mlops/overview?window=90',
  );
  const team = await largestTeam(request);

  await openAsGuest(page, '/mlops?window=90');
  const tile = (label: string) =>
    page.getByTestId('kpi-tile').filter({
      has: page.getByRole('heading', { name: label, exact: true }),
    });
  await expect(tile('ML use cases')).toContainText(
    formatNumber(overview.kpis.useCases),
  );
  await expect(tile('In production')).toContainText(
    formatNumber(overview.kpis.inProduction),
  );
  await expect(tile('Throughput')).toContainText(
    formatNumber(overview.kpis.throughput),
  );
  await expect(
    page.getByRole('link', { name: team.title, exact: true }),
  ).toBeVisible();
  await expect(
    page.getByTestId('throughput-chart').locator('svg').first(),
  ).toBeVisible();
  await expect(
    page.getByTestId('level-distribution-chart').locator('svg').first(),
  ).toBeVisible();

  await page.screenshot({
    path: `${screenshotDir}/mlops-overview.png`,
    fullPage: true,
  });
  await expectAccessible(page, 'main');
});

test('a team scorecard tab lists the team use cases', async ({
  page,
  request,
}) => {
  const team = await largestTeam(request);
  const [, namespace, name] = /^group:([^/]+)\/(.+)$/.exec(team.teamRef)!;
  const detail = await getJson<TeamDetailResponse>(
    request,
    `/api/mlops/teams/${namespace}/${name}?window=90`,
  );
  expect(detail.useCases.length).toBeGreaterThan(0);

  await openAsGuest(page, `/catalog/${namespace}/group/${name}/mlops`);
  const scorecard = page.getByTestId('mlops-team-scorecard');
  await expect(scorecard).toBeVisible();
  for (const useCase of detail.useCases.slice(0, 5)) {
    const row = scorecard.getByRole('row').filter({
      has: page.getByRole('link', { name: useCase.title, exact: true }),
    });
    await expect(row).toContainText(`L${useCase.level}`);
    await expect(row).toContainText(String(useCase.score));
  }

  await page.screenshot({
    path: `${screenshotDir}/mlops-team-scorecard.png`,
    fullPage: true,
  });
  await expectAccessible(page, '[data-testid="mlops-team-scorecard"]');
});

test('an ML entity page shows its maturity card', async ({ page, request }) => {
  const team = await largestTeam(request);
  const [, namespace, name] = /^group:([^/]+)\/(.+)$/.exec(team.teamRef)!;
  const detail = await getJson<TeamDetailResponse>(
    request,
    `/api/mlops/teams/${namespace}/${name}?window=90`,
  );
  // A demo use case with something to fix shows the whole card (checks, remediation, button);
  // names starting with e2e-/bench- are created by other specs and benchmarks.
  const demoUseCases = detail.useCases.filter(
    candidate => !/:[^/]+\/(e2e|bench)-/.test(candidate.entityRef),
  );
  const useCase =
    demoUseCases.find(candidate => candidate.failingChecks.length > 0) ??
    demoUseCases[0] ??
    detail.useCases[0];
  const [, entityNamespace, entityName] = /^[^:]+:([^/]+)\/(.+)$/.exec(
    useCase.entityRef,
  )!;
  const entity = await getJson<{
    metadata: { annotations: Record<string, string> };
  }>(
    request,
    `/api/catalog/entities/by-name/component/${entityNamespace}/${entityName}`,
  );
  const score = entity.metadata.annotations['landingzone.ml/maturity-score'];
  expect(score).toBeDefined();

  await openAsGuest(
    page,
    `/catalog/${entityNamespace}/component/${entityName}`,
  );
  const card = page.getByTestId('mlops-maturity-card');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('maturity-score')).toHaveText(
    `Score ${score}/100`,
  );
  await expect(
    card.getByRole('list', { name: 'Maturity checks' }),
  ).toBeVisible();

  await page.screenshot({ path: `${screenshotDir}/mlops-entity-page.png` });
  await card.screenshot({
    path: `${screenshotDir}/mlops-entity-maturity-card.png`,
  });
  await expectAccessible(page, '[data-testid="mlops-maturity-card"]');
});
