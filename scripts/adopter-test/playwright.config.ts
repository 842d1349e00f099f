import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/** The adopter test's browser checks: the root config, against the adopter's app. */
export default defineConfig({
  ...base,
  testDir: '.',
  testIgnore: [],
  testMatch: 'adopter.spec.ts',
  outputDir: '../../e2e-results/adopter-artifacts',
  retries: 0,
});
