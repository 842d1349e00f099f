import { expect, test } from '@playwright/test';
import { getJson, openAsGuest, screenshotDir } from './helpers';

type EntitiesPage = { items: Array<{ metadata: { name: string; title?: string } }> };

test('the catalog lists the demo ML use cases', async ({ page, request }) => {
  // What the catalog API holds is the reference the UI must show.
  const mlEntities = await getJson<EntitiesPage>(
    request,
    '/api/catalog/entities/by-query?filter=kind=component,spec.type=ml-model&limit=5&fields=metadata.name,metadata.title',
  );
  expect(mlEntities.items.length).toBeGreaterThan(0);

  await openAsGuest(page, '/catalog?filters[kind]=component&filters[type]=ml-model');
  for (const entity of mlEntities.items.slice(0, 3)) {
    await expect(
      page.getByRole('link', {
        name: entity.metadata.title ?? entity.metadata.name,
        exact: true,
      }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: `${screenshotDir}/catalog-ml-models.png`,
    fullPage: true,
  });
});
