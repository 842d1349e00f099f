import { Locator, expect, test } from '@playwright/test';
import type {
  TeamDetailResponse,
  TeamsResponse,
} from '@landing-zone/plugin-mlops-common';
import { getJson, openAsGuest, screenshotDir } from './helpers';

/*
 * Layout at the viewport people use (1440 px, playwright.config.ts): nothing cut off without
 * a way to scroll to it, headers that name things as the page body does, charts that say
 * what their lines are.
 */

/**
 * Scrolls the element's nearest sideways-scrolling ancestor to its right end and says where
 * the element then is: a column cut off without a scrollbar cannot be brought into view.
 */
async function scrolledToRightEnd(element: Locator) {
  return element.evaluate(node => {
    let scroller: HTMLElement | null = node.parentElement;
    while (
      scroller &&
      !(
        ['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX) &&
        scroller.scrollWidth > scroller.clientWidth
      )
    ) {
      scroller = scroller.parentElement;
    }
    if (scroller) scroller.scrollLeft = scroller.scrollWidth;
    const box = node.getBoundingClientRect();
    const visible = scroller
      ? scroller.getBoundingClientRect()
      : document.documentElement.getBoundingClientRect();
    return {
      right: Math.round(box.right),
      visibleRight: Math.round(Math.min(visible.right, window.innerWidth)),
    };
  });
}

test('the teams table can be scrolled to its last column', async ({ page }) => {
  await openAsGuest(page, '/mlops?window=90');
  const table = page.getByTestId('mlops-team-table');
  const lastHeader = table.getByRole('columnheader').last();
  await expect(lastHeader).toBeVisible();
  const { right, visibleRight } = await scrolledToRightEnd(lastHeader);
  expect(right, 'right edge of the last column').toBeLessThanOrEqual(
    visibleRight + 1,
  );
  // The page scrolls inside its content area, so a full-page shot would not reach the table.
  await table.screenshot({
    path: `${screenshotDir}/layout-teams-table-1440.png`,
  });
});

test('the team page header names the team as its body does', async ({
  page,
  request,
}) => {
  const teams = await getJson<TeamsResponse>(
    request,
    '/api/mlops/teams?window=90',
  );
  // A team whose title differs from its name shows which one the header uses.
  const team =
    teams.teams.find(
      candidate => !candidate.teamRef.endsWith(`/${candidate.title}`),
    ) ?? teams.teams[0];
  const [, namespace, name] = /^group:([^/]+)\/(.+)$/.exec(team.teamRef)!;
  await openAsGuest(page, `/mlops/teams/${namespace}/${name}?window=90`);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `MLOps scorecard: ${team.title}`,
    }),
  ).toBeVisible();
  await expect(page.getByTestId('mlops-team-scorecard')).toContainText(
    team.title,
  );
  await page.screenshot({
    path: `${screenshotDir}/layout-team-page-header-1440.png`,
  });
});

test('the level history chart has a legend and one axis per measure', async ({
  page,
  request,
}) => {
  const teams = await getJson<TeamsResponse>(
    request,
    '/api/mlops/teams?window=90',
  );
  const team = [...teams.teams].sort((a, b) => b.useCases - a.useCases)[0];
  const [, namespace, name] = /^group:([^/]+)\/(.+)$/.exec(team.teamRef)!;
  const detail = await getJson<TeamDetailResponse>(
    request,
    `/api/mlops/teams/${namespace}/${name}?window=90`,
  );
  const useCase =
    detail.useCases.find(
      candidate => !/:[^/]+\/(e2e|bench)-/.test(candidate.entityRef),
    ) ?? detail.useCases[0];
  const [, entityNamespace, entityName] = /^[^:]+:([^/]+)\/(.+)$/.exec(
    useCase.entityRef,
  )!;
  await openAsGuest(
    page,
    `/catalog/${entityNamespace}/component/${entityName}`,
  );
  const chart = page.getByTestId('level-history-chart');
  await expect(chart.locator('svg').first()).toBeVisible();
  const legend = chart.locator('.recharts-legend-item-text');
  await expect(legend).toHaveText(['Level', 'Score']);
  await expect(chart.locator('.recharts-yAxis')).toHaveCount(2);
  await expect(chart.locator('.recharts-label')).toHaveText(['Level', 'Score']);
  await chart.screenshot({
    path: `${screenshotDir}/layout-level-history-chart.png`,
  });
});

test('the sidebar labels are shown whole', async ({ page }) => {
  await openAsGuest(page, '/mlops?window=90');
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link').first()).toBeVisible();
  // Each item's label is the Typography beside its icon; it cuts its text with an ellipsis.
  const labels = await nav.getByRole('link').evaluateAll(links =>
    links
      .map(link => link.querySelector<HTMLElement>('[class*="label"]'))
      .filter((label): label is HTMLElement => !!label?.textContent)
      .map(label => ({
        text: label.textContent!,
        scrollWidth: label.scrollWidth,
        clientWidth: label.clientWidth,
      })),
  );
  expect(
    labels.map(label => label.text),
    'the golden-path items are in the sidebar',
  ).toEqual(expect.arrayContaining(['Catalog', 'MLOps maturity']));
  const truncated = labels.filter(
    label => label.scrollWidth > label.clientWidth,
  );
  expect(truncated, 'labels cut off by an ellipsis').toEqual([]);
  // The nav element itself has no box of its own (its drawer is fixed): shoot the left edge.
  await page.screenshot({
    path: `${screenshotDir}/layout-sidebar-1440.png`,
    clip: { x: 0, y: 0, width: 320, height: 600 },
  });
});
