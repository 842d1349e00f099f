import { expect, test } from '@playwright/test';
import {
  backendUrl,
  type CatalogEntity,
  findJson,
  getJson,
  openAsGuest,
  screenshotDir,
} from './helpers';
import { fillUseCaseForm } from './useCaseForm';

type TeamDetail = {
  useCases: Array<{
    entityRef: string;
    level: number;
    observedChecks: number | null;
    observableChecks: number | null;
  }>;
};

/** The dev token pipelines use (app-config.yaml, backend.auth.externalAccess). */
const FACTS_TOKEN = process.env.LZ_FACTS_TOKEN ?? 'lz-dev-facts-token';

/** The Level 1 checks a source can observe in the default model. */
const OBSERVABLE_LEVEL_ONE = [
  'experiment-tracking',
  'model-registry',
  'ci',
  'container-image',
];

test('a new use case shows what is missing until its pipeline reports training, model and CI facts', async ({
  page,
  request,
}) => {
  const name = `e2e-observed-${Date.now().toString(36)}`;
  const entityRef = `component:default/${name}`;

  // 1. Create the use case through the golden path, as a data scientist does.
  await openAsGuest(page, '/create/templates/default/batch-training');
  await fillUseCaseForm(page, {
    name,
    residency: 'Canada',
    targetLevel: 'Level 1',
  });
  await page.mouse.move(1200, 20);
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByRole('link', { name: 'Open in the catalog' }),
  ).toBeVisible({ timeout: 90_000 });
  await expect
    .poll(
      async () =>
        (
          await findJson<CatalogEntity>(
            request,
            `/api/catalog/entities/by-name/component/default/${name}`,
          )
        )?.metadata.annotations['landingzone.ml/maturity-level'],
      { timeout: 60_000 },
    )
    .toBeDefined();
  const entity = await getJson<CatalogEntity>(
    request,
    `/api/catalog/entities/by-name/component/default/${name}`,
  );

  // 2. Its card says what is still unobserved: nothing has reported on it yet.
  await page.getByRole('link', { name: 'Open in the catalog' }).click();
  const card = page.getByTestId('mlops-maturity-card');
  await expect(card).toBeVisible();
  await expect(card.getByTestId('mlops-observed-share')).toContainText(
    /^0 of \d+ observable checks observed/,
  );
  for (const id of OBSERVABLE_LEVEL_ONE) {
    // The dev portal counts declarations (evidence: declared), marked self-declared.
    await expect(card.getByTestId(`check-${id}`)).toContainText(
      'Self-declared',
    );
  }
  await expect(card.getByTestId('mlops-fact-timeline')).toContainText(
    'Nothing observed yet',
  );
  // Away from the sidebar, which expands on hover and would cover the card.
  await page.mouse.move(1200, 20);
  await page.screenshot({
    path: `${screenshotDir}/observed-evidence-before.png`,
    fullPage: true,
  });

  // 3. The pipeline reports its training run, model version and CI run with the dev token.
  const now = Date.now();
  const at = (minutesAgo: number) =>
    new Date(now - minutesAgo * 60_000).toISOString();
  const facts = [
    {
      entityRef,
      type: 'training-run',
      source: 'pipeline',
      id: `${name}-run-1`,
      observedAt: at(30),
      data: { runId: 'run-1', experiment: name, metrics: { auc: 0.91 } },
    },
    {
      entityRef,
      type: 'model-version',
      source: 'pipeline',
      id: `${name}/1`,
      observedAt: at(20),
      data: {
        registry: 'mlflow',
        model: name,
        version: '1',
        aliases: ['champion'],
        runId: 'run-1',
      },
    },
    {
      entityRef,
      type: 'ci-run',
      source: 'github-actions',
      id: `${name}-ci-1`,
      observedAt: at(10),
      data: {
        status: 'success',
        commit: '0123456789abcdef',
        workflow: 'ci',
        imageDigest: 'sha256:0123456789abcdef',
      },
    },
  ];
  const push = await request.post(`${backendUrl}/api/mlops/facts`, {
    headers: { authorization: `Bearer ${FACTS_TOKEN}` },
    data: { facts },
  });
  expect(push.status(), await push.text()).toBe(200);
  expect(await push.json()).toMatchObject({ accepted: 3 });

  // 4. The card shows them observed, with their source, at Level 1.
  await page.reload();
  await expect(card).toBeVisible();
  for (const id of OBSERVABLE_LEVEL_ONE) {
    await expect(card.getByTestId(`check-${id}`)).toContainText('Observed ·');
  }
  await expect(card.getByTestId('check-ci')).toContainText('github-actions');
  await expect(card.getByTestId('mlops-observed-share')).toContainText(
    /^4 of \d+ observable checks observed$/,
  );
  await expect(card).toContainText('L1 ·');
  const timeline = card.getByTestId('mlops-fact-timeline');
  await expect(timeline).toContainText('training-run: run run-1');
  await expect(timeline).toContainText(`model-version: ${name} v1 (champion)`);
  await expect(timeline).toContainText('ci-run: success at 01234567');
  // Away from the sidebar, which expands on hover and would cover the card.
  await page.mouse.move(1200, 20);
  await page.screenshot({
    path: `${screenshotDir}/observed-evidence-after.png`,
    fullPage: true,
  });

  // 5. The team page, after the next snapshot, shows it observed at Level 1.
  const trigger = await request.post(
    `${backendUrl}/api/mlops/.backstage/scheduler/v1/tasks/mlops-history-snapshot/trigger`,
    // Only services may trigger tasks: the same dev external-access token.
    { headers: { authorization: `Bearer ${FACTS_TOKEN}` } },
  );
  expect(trigger.ok()).toBeTruthy();
  const [, teamNamespace, teamName] = /^group:([^/]+)\/(.+)$/.exec(
    entity.spec.owner.includes(':')
      ? entity.spec.owner
      : `group:default/${entity.spec.owner}`,
  )!;
  await expect
    .poll(
      async () => {
        const detail = await getJson<TeamDetail>(
          request,
          `/api/mlops/teams/${teamNamespace}/${teamName}?window=90`,
        );
        const row = detail.useCases.find(u => u.entityRef === entityRef);
        return row && `L${row.level} ${row.observedChecks}`;
      },
      { timeout: 90_000 },
    )
    .toBe('L1 4');
  await openAsGuest(page, `/catalog/${teamNamespace}/group/${teamName}/mlops`);
  const scorecard = page.getByTestId('mlops-team-scorecard');
  await expect(scorecard).toBeVisible();
  const row = scorecard.getByRole('row').filter({
    has: page.getByRole('link', { name, exact: true }),
  });
  await expect(row).toContainText('L1');
  await expect(row).toContainText(/observed \(4\/\d+\)/);
  await expect(scorecard).toContainText('Observed evidence');
  await row.scrollIntoViewIfNeeded();
  // Away from the sidebar, which expands on hover and would cover the card.
  await page.mouse.move(1200, 20);
  await page.screenshot({
    path: `${screenshotDir}/observed-evidence-team.png`,
    fullPage: true,
  });
});
