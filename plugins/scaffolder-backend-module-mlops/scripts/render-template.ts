/*
 * Renders one golden-path template with sample form values into a directory, with Backstage's
 * own fetch:template action. Usage (bundled by scripts/test-generated-project.sh):
 *   node render-template.cjs <template-name> <target-level> <output-dir> [form-values-json]
 * The optional JSON overrides sample values, e.g. '{"dataClassification":"health"}'.
 */
import { renderGoldenPath } from '../src/goldenPaths/__testUtils__/renderGoldenPath';
import {
  TEMPLATE_NAMES,
  TemplateName,
  sampleParameters,
  templateFile,
} from '../src/skeleton/testTemplates';

async function main() {
  const [name, level, outputDir, overrides] = process.argv.slice(2);
  if (
    !TEMPLATE_NAMES.includes(name as TemplateName) ||
    !['1', '2'].includes(level) ||
    !outputDir
  ) {
    throw new Error(
      `usage: render-template <${TEMPLATE_NAMES.join(
        '|',
      )}> <1|2> <output-dir> [form-values-json]`,
    );
  }
  await renderGoldenPath({
    templateFile: templateFile(name as TemplateName),
    parameters: {
      ...sampleParameters(name as TemplateName, Number(level) as 1 | 2),
      ...(overrides ? JSON.parse(overrides) : {}),
    },
    outputDir,
  });
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
