import { expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findJson, openAsGuest, screenshotDir } from './helpers';
import { fillUseCaseForm } from './useCaseForm';

type Entity = { metadata: { annotations: Record<string, string> } };

/** Every golden path, each at a target level a data scientist would pick for it. */
const cases: {
  template: string;
  prefix: string;
  level: number;
  keyResults?: string[];
}[] = [
  {
    template: 'batch-training',
    prefix: 'e2e-churn',
    level: 2,
    keyResults: [
      'Churn down 5% in two quarters',
      'NPS up 3 points within a year',
    ],
  },
  { template: 'online-inference', prefix: 'e2e-serve', level: 1 },
  {
    template: 'llm-rag',
    prefix: 'e2e-rag',
    level: 1,
    keyResults: ['Support answers found in under 30 s'],
  },
];

for (const { template, prefix, level, keyResults } of cases) {
  test(`a guest creates a ${template} use case that lands in the catalog at Level ${level}`, async ({
    page,
    request,
  }) => {
    const name = `${prefix}-${Date.now().toString(36)}`;
    await openAsGuest(page, `/create/templates/default/${template}`);

    await fillUseCaseForm(page, {
      name,
      residency: 'Canada',
      targetLevel: `Level ${level}`,
      keyResults,
    });
    // Away from the sidebar (it expands on hover) and after the select menu has closed.
    await page.mouse.move(1200, 20);
    await expect(page.getByRole('listbox')).toHaveCount(0);
    // The select's menu keeps fading out for a moment after its listbox is gone; the
    // screenshot should show the filled form, not the fade.
    await page.waitForTimeout(500);
    await page.screenshot({
      path: `${screenshotDir}/create-${template}-form.png`,
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    await expect(
      page.getByRole('link', { name: 'Open in the catalog' }),
    ).toBeVisible({ timeout: 90_000 });
    await page.screenshot({
      path: `${screenshotDir}/create-${template}-result.png`,
      fullPage: true,
    });

    // The catalog API is the reference: the processor has evaluated the new entity.
    const entity = () =>
      findJson<Entity>(
        request,
        `/api/catalog/entities/by-name/component/default/${name}`,
      );
    await expect
      .poll(
        async () =>
          (
            await entity()
          )?.metadata.annotations['landingzone.ml/maturity-level'],
        { timeout: 60_000 },
      )
      .toBe(String(level));

    // The key results reach the repository's mlops.yaml (in the local repository the publish
    // step wrote, found through the run's Repository link) and the entity. They are plain
    // texts, so the expected YAML needs no quoting rules.
    const repository = await page
      .getByRole('link', { name: 'Repository' })
      .getAttribute('href');
    expect(repository).toMatch(/^file:\/\//);
    const manifest = await fs.readFile(
      path.join(fileURLToPath(repository!), 'mlops.yaml'),
      'utf8',
    );
    const listed = keyResults ?? [];
    expect(manifest).toContain(
      listed.length > 0
        ? `\n  kpis:\n${listed.map(k => `    - ${k}\n`).join('')}`
        : '\n  kpis: []\n',
    );
    expect(
      (await entity())?.metadata.annotations['landingzone.ml/key-results'],
    ).toBe(keyResults ? keyResults.join('\n') : undefined);

    await page.getByRole('link', { name: 'Open in the catalog' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    // What the data scientist sees: the new use case's maturity card at the chosen level.
    const card = page.getByTestId('mlops-maturity-card');
    await expect(card).toBeVisible();
    await expect(card).toContainText(`L${level} ·`);
    await page.screenshot({
      path: `${screenshotDir}/create-${template}-entity.png`,
      fullPage: true,
    });
  });
}
