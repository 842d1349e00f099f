import { expect, test } from '@playwright/test';
import { getJson, openAsGuest, screenshotDir } from './helpers';

type EntitiesPage = {
  items: Array<{ metadata: { name: string; title?: string } }>;
  totalItems: number;
};

test('the catalog lists the demo ML use cases', async ({ page, request }) => {
  // What the catalog API holds is the reference the UI must show.
  const mlModels = await getJson<EntitiesPage>(
    request,
    '/api/catalog/entities/by-query?filter=kind=component,spec.type=ml-model&limit=100&fields=metadata.name,metadata.title',
  );
  expect(mlModels.totalItems).toBeGreaterThan(0);

  await openAsGuest(
    page,
    '/catalog?filters[kind]=component&filters[type]=ml-model&filters[user]=all',
  );
  await expect(
    page
      .getByRole('heading', {
        name: `All ml-model Components (${mlModels.totalItems})`,
      })
      // The catalog table's title nests one heading in another.
      .first(),
  ).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/catalog-ml-models.png`,
    fullPage: true,
  });

  // The table pages at 20 rows, so each sampled entity is found through the table's search box.
  const items = mlModels.items;
  const sample = [items[0], items[Math.floor(items.length / 2)], items.at(-1)!];
  const filterBox = page.getByPlaceholder('Search');
  for (const entity of sample) {
    const title = entity.metadata.title ?? entity.metadata.name;
    await filterBox.fill(title);
    await expect(
      page.getByRole('link', { name: title, exact: true }),
    ).toBeVisible();
  }
});
