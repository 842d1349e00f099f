import { expect, test } from '@playwright/test';
import { getJson, openAsGuest, screenshotDir } from '../../e2e/helpers';

/*
 * In Chromium, against a fresh @backstage/create-app app that installed the packed packages by
 * the READMEs (scripts/adopter-test.sh starts it and sets LZ_APP_URL / LZ_BACKEND_URL). The
 * use case and its team come from the golden-path run the script did through the API.
 */
const useCase = process.env.LZ_ADOPTER_USE_CASE!;
const team = process.env.LZ_ADOPTER_TEAM!;

test('the overview lists the team of the golden-path use case', async ({
  page,
  request,
}) => {
  const teams = await getJson<{ teams: { teamRef: string; title: string }[] }>(
    request,
    '/api/mlops/teams?window=90',
  );
  const summary = teams.teams.find(t => t.teamRef === `group:default/${team}`);
  expect(summary, `${team} in /api/mlops/teams`).toBeDefined();
  await openAsGuest(page, '/mlops?window=90');
  await expect(
    page.getByRole('link', { name: summary!.title, exact: true }),
  ).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/adopter-overview.png`,
    fullPage: true,
  });
});

test('the team page shows the use case', async ({ page }) => {
  await openAsGuest(page, `/mlops/teams/default/${team}?window=90`);
  const scorecard = page.getByTestId('mlops-team-scorecard');
  await expect(scorecard).toBeVisible();
  await expect(scorecard).toContainText(useCase);
  await page.screenshot({
    path: `${screenshotDir}/adopter-team-page.png`,
    fullPage: true,
  });
});

test('the entity overview shows the maturity card', async ({
  page,
  request,
}) => {
  const entity = await getJson<{
    metadata: { annotations: Record<string, string> };
  }>(request, `/api/catalog/entities/by-name/component/default/${useCase}`);
  const score = entity.metadata.annotations['landingzone.ml/maturity-score'];
  expect(score, 'the catalog module scored the entity').toBeDefined();
  await openAsGuest(page, `/catalog/default/component/${useCase}`);
  const card = page.getByTestId('mlops-maturity-card');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('maturity-score')).toHaveText(
    `Score ${score}/100`,
  );
  await page.screenshot({
    path: `${screenshotDir}/adopter-entity-page.png`,
    fullPage: true,
  });
});
