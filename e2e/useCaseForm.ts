import { Page } from '@playwright/test';

/** Fills the golden-path form the way a data scientist does, step by step. */
export async function fillUseCaseForm(
  page: Page,
  values: {
    name: string;
    residency: string;
    targetLevel: string;
    classification?: string;
    /** Typed into the optional Key results field, one per line. */
    keyResults?: string[];
  },
) {
  await page.getByRole('textbox', { name: 'Name' }).fill(values.name);
  const owner = page.getByRole('textbox', { name: 'Owner team' });
  await owner.click();
  await owner.fill('platform');
  await page
    .getByRole('option')
    .filter({ hasText: /platform/i })
    .first()
    .click();
  await page
    .getByRole('textbox', { name: 'Business objective' })
    .fill('Flag at-risk accounts early so retention can act.');
  if (values.keyResults) {
    await page
      .getByRole('textbox', { name: 'Key results (optional)' })
      .fill(values.keyResults.join('\n'));
  }
  await page.getByRole('button', { name: 'Next' }).click();

  if (values.classification) {
    await page.getByLabel('Data classification').click();
    await page.getByRole('option', { name: values.classification }).click();
  }
  await page.getByLabel('Data residency region').click();
  await page.getByRole('option', { name: values.residency }).click();
  await page.getByLabel('Target maturity level').click();
  await page
    .getByRole('option', { name: new RegExp(values.targetLevel) })
    .click();
}
