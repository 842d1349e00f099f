/*
 * Renders one golden-path template with sample form values into a directory, the way its
 * fetch:template steps would. Usage (bundled by scripts/test-generated-project.sh):
 *   node render-template.cjs <template-name> <target-level> <output-dir>
 */
import { renderTemplateLocally } from '../src/skeleton/renderTemplateLocally';
import {
  TEMPLATE_NAMES,
  TemplateName,
  sampleParameters,
  templateFile,
} from '../src/skeleton/testTemplates';

async function main() {
  const [name, level, outputDir] = process.argv.slice(2);
  if (!TEMPLATE_NAMES.includes(name as TemplateName) || !['1', '2'].includes(level) || !outputDir) {
    throw new Error(
      `usage: render-template <${TEMPLATE_NAMES.join('|')}> <1|2> <output-dir>`,
    );
  }
  await renderTemplateLocally({
    templateFile: templateFile(name as TemplateName),
    parameters: sampleParameters(name as TemplateName, Number(level) as 1 | 2),
    outputDir,
  });
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
