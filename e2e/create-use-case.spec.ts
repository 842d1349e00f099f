import { expect, test } from '@playwright/test';
import { findJson, openAsGuest, screenshotDir } from './helpers';
import { fillUseCaseForm } from './useCaseForm';

type Entity = { metadata: { annotations: Record<string, string> } };

test('a guest creates a batch-training use case that lands in the catalog at Level 2', async ({
  page,
  request,
}) => {
  const name = `e2e-churn-${Date.now().toString(36)}`;
  await openAsGuest(page, '/create/templates/default/batch-training');

  await fillUseCaseForm(page, { name, residency: 'Canada', targetLevel: 'Level 2' });
  // Away from the sidebar (it expands on hover) and after the select menu has closed.
  await page.mouse.move(1200, 20);
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await page.screenshot({ path: `${screenshotDir}/create-use-case-form.png`, fullPage: true });
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByRole('link', { name: 'Open in the catalog' })).toBeVisible({
    timeout: 90_000,
  });
  await page.screenshot({ path: `${screenshotDir}/create-use-case-result.png`, fullPage: true });

  // The catalog API is the reference: the processor has evaluated the new entity.
  await expect
    .poll(
      async () =>
        (await findJson<Entity>(request, `/api/catalog/entities/by-name/component/default/${name}`))
          ?.metadata.annotations['landingzone.ml/maturity-level'],
      { timeout: 60_000 },
    )
    .toBe('2');

  await page.getByRole('link', { name: 'Open in the catalog' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/create-use-case-entity.png`, fullPage: true });
});
