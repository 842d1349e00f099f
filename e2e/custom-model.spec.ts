import { expect, test } from '@playwright/test';
import type {
  MaturityModelResponse,
  TeamDetailResponse,
  TeamsResponse,
} from '@landing-zone/plugin-mlops-common';
import { getJson, openAsGuest, screenshotDir } from './helpers';

/*
 * app-config.yaml configures a custom maturity model (`mlops.maturity`): renamed levels and an
 * extra check `fairness-review`. The frontend never reads that config; it gets the model from the
 * backend. These tests prove in the browser that the entity card, the team page and the
 * overview label and evaluate with the configured model, not the default one.
 */

const CUSTOM_LEVELS = ['Exploratory', 'Repeatable', 'Autonomous'];
const CUSTOM_CHECK = {
  id: 'fairness-review',
  title: 'Fairness review recorded',
};

async function teamWithUseCases(request: Parameters<typeof getJson>[0]) {
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
  expect(detail.useCases.length).toBeGreaterThan(0);
  return { namespace, name, detail };
}

test('the backend serves the model exactly as app-config configures it', async ({
  request,
}) => {
  const model = await getJson<MaturityModelResponse>(
    request,
    '/api/mlops/model',
  );
  expect(model.levels.map(level => level.name)).toEqual(CUSTOM_LEVELS);
  expect(model.checks).toContainEqual(
    expect.objectContaining({
      ...CUSTOM_CHECK,
      level: 1,
      required: false,
      group: 'governance',
      condition: {
        'metadata.annotations.landingzone.ml/fairness-review': {
          $exists: true,
        },
      },
    }),
  );
  expect(model.evidence).toBe('declared');
});

test('the entity card shows the custom check and level name', async ({
  page,
  request,
}) => {
  const { detail } = await teamWithUseCases(request);
  const useCase =
    detail.useCases.find(
      candidate => !/:[^/]+\/(e2e|bench)-/.test(candidate.entityRef),
    ) ?? detail.useCases[0];
  const [, namespace, name] = /^[^:]+:([^/]+)\/(.+)$/.exec(useCase.entityRef)!;

  await openAsGuest(page, `/catalog/${namespace}/component/${name}`);
  const card = page.getByTestId('mlops-maturity-card');
  await expect(card).toBeVisible();
  const check = card.getByTestId(`check-${CUSTOM_CHECK.id}`);
  await expect(check).toContainText(CUSTOM_CHECK.title);
  // No demo entity records a fairness review: the custom check fails, with its remediation.
  await expect(check.getByRole('img', { name: 'Failed' })).toBeVisible();
  await expect(check).toContainText('To fix: Record the review');
  // The headline shows the level the catalog processor wrote (it evaluated with the same
  // served model), labelled with the custom name.
  const entity = await getJson<{
    metadata: { annotations: Record<string, string> };
  }>(request, `/api/catalog/entities/by-name/component/${namespace}/${name}`);
  const level = Number(
    entity.metadata.annotations['landingzone.ml/maturity-level'],
  );
  await expect(card).toContainText(`L${level} · ${CUSTOM_LEVELS[level]}`);
  await card.screenshot({
    path: `${screenshotDir}/custom-model-entity-card.png`,
  });
});

test('the team page labels levels with the custom names and lists the custom check', async ({
  page,
  request,
}) => {
  const { namespace, name, detail } = await teamWithUseCases(request);
  expect(detail.levelNames).toEqual(CUSTOM_LEVELS);

  await openAsGuest(page, `/catalog/${namespace}/group/${name}/mlops`);
  const scorecard = page.getByTestId('mlops-team-scorecard');
  await expect(scorecard).toBeVisible();
  for (const useCase of detail.useCases.slice(0, 5)) {
    const row = scorecard.getByRole('row').filter({
      has: page.getByRole('link', { name: useCase.title, exact: true }),
    });
    await expect(row).toContainText(
      `L${useCase.level} · ${CUSTOM_LEVELS[useCase.level]}`,
    );
  }
  // The catalog processor evaluated with the same model: its failing checks name the custom one.
  const failing = detail.useCases.find(useCase =>
    useCase.failingChecks.includes(CUSTOM_CHECK.id),
  );
  expect(failing, 'a use case failing the custom check').toBeDefined();
  await expect(
    scorecard
      .getByRole('row')
      .filter({
        has: page.getByRole('link', { name: failing!.title, exact: true }),
      })
      .getByText(CUSTOM_CHECK.id, { exact: true }),
  ).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/custom-model-team-page.png`,
    fullPage: true,
  });
});

test('the overview labels levels with the custom names', async ({ page }) => {
  await openAsGuest(page, '/mlops?window=90');
  const overview = page.getByTestId('mlops-overview');
  await expect(overview).toBeVisible();
  const distribution = page.getByTestId('level-distribution-chart');
  for (const [level, name] of CUSTOM_LEVELS.entries()) {
    await expect(distribution).toContainText(`L${level} ${name}`);
  }
  await page.screenshot({
    path: `${screenshotDir}/custom-model-overview.png`,
    fullPage: true,
  });
});
