import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {
  backendUrl,
  findJson,
  getJson,
  openAsGuest,
  screenshotDir,
} from './helpers';
import { fillUseCaseForm } from './useCaseForm';

// app-config.yaml: mlops.publish.local.repositoriesDir, relative to packages/backend.
const repositoriesDir = path.resolve(__dirname, '../var/repositories');

type TemplatesResponse = {
  templates: Array<{ templateRef: string; runs: { failed: number } }>;
};

async function failedBatchTrainingRuns(
  request: Parameters<typeof getJson>[0],
): Promise<number> {
  const body = await getJson<TemplatesResponse>(
    request,
    '/api/mlops/templates',
  );
  return (
    body.templates.find(
      t => t.templateRef === 'template:default/batch-training',
    )?.runs.failed ?? 0
  );
}

test('health data outside Canada is refused with a clear error, and nothing is created', async ({
  page,
  request,
}) => {
  const name = `e2e-health-${Date.now().toString(36)}`;
  const failedBefore = await failedBatchTrainingRuns(request);
  await openAsGuest(page, '/create/templates/default/batch-training');
  await fillUseCaseForm(page, {
    name,
    classification: 'Health data',
    residency: 'United States',
    targetLevel: 'Level 1',
  });
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(
    page
      .getByText(
        /dataResidency "us" is not allowed for data classified "health"/,
      )
      .first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/allowed: ca/).first()).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/guardrail-violation.png`,
    fullPage: true,
  });

  expect(fs.existsSync(path.join(repositoriesDir, name))).toBe(false);
  expect(
    await findJson(
      request,
      `/api/catalog/entities/by-name/component/default/${name}`,
    ),
  ).toBeUndefined();

  // The refused run still counts: the next snapshot reads it from the scaffolder, so the
  // template's success rate is honest. Trigger the snapshot instead of waiting for it; only
  // services may (packages/backend/src/schedulerAdminGuard.ts), so as the dev config's
  // external-access service token.
  const trigger = await request.post(
    `${backendUrl}/api/mlops/.backstage/scheduler/v1/tasks/mlops-history-snapshot/trigger`,
    {
      headers: {
        authorization: `Bearer ${
          process.env.LZ_FACTS_TOKEN ?? 'lz-dev-facts-token'
        }`,
      },
    },
  );
  expect(trigger.ok()).toBeTruthy();
  await expect
    .poll(() => failedBatchTrainingRuns(request), { timeout: 60_000 })
    .toBe(failedBefore + 1);
});
