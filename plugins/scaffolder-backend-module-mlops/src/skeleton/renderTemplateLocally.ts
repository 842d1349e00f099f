import { JsonObject } from '@backstage/types';
// eslint-disable-next-line no-restricted-imports
import { renderGoldenPath } from '../goldenPaths/__testUtils__/renderGoldenPath';

/**
 * Renders a golden-path template's skeletons the way its `fetch:template` steps would, without
 * a backend: used by the tests (Level-1/Level-2 proof with the real skeleton files) and by
 * `scripts/test-generated-project.sh` (the generated project's own tests).
 *
 * It runs Backstage's own fetch:template action on the step inputs the workflow runner would
 * render (see goldenPaths/__testUtils__/renderGoldenPath), so what the tests check is what the
 * scaffolder generates.
 */
export async function renderTemplateLocally(options: {
  templateFile: string;
  parameters: Record<string, unknown>;
  outputDir: string;
}): Promise<void> {
  // The skeletons use nunjucks (conditions for GPU tiers, raw blocks around GitHub expressions),
  // so they are rendered by Backstage's own fetch:template action (golden-paths).
  await renderGoldenPath({
    templateFile: options.templateFile,
    parameters: options.parameters as JsonObject,
    outputDir: options.outputDir,
  });
}
