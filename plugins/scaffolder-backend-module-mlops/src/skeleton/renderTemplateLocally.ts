import fs from 'fs-extra';
import path from 'node:path';
import yaml from 'yaml';

/**
 * Renders a golden-path template's skeletons the way its `fetch:template` steps would, without
 * a backend: used by the tests (Level-1/Level-2 proof with the real skeleton files) and by
 * `scripts/test-generated-project.sh` (the generated project's own tests).
 *
 * It supports exactly the subset the templates use: `${{ values.x }}` in skeleton files, and
 * `${{ parameters.x }}` / `${{ parameters.x == literal }}` in step values and conditions. Any
 * other template syntax in a skeleton is an error, so a skeleton cannot silently depend on
 * something this renderer (and thus the tests) does not check.
 */
export async function renderTemplateLocally(options: {
  templateFile: string;
  parameters: Record<string, unknown>;
  outputDir: string;
}): Promise<void> {
  const template = yaml.parse(await fs.readFile(options.templateFile, 'utf8'));
  const templateDir = path.dirname(options.templateFile);
  for (const step of template.spec.steps as TemplateStep[]) {
    if (step.action !== 'fetch:template') continue;
    if (step.if !== undefined && !evaluate(String(step.if), options.parameters))
      continue;
    const values = Object.fromEntries(
      Object.entries(step.input.values ?? {}).map(([key, value]) => [
        key,
        typeof value === 'string'
          ? renderParameters(value, options.parameters)
          : value,
      ]),
    );
    await renderDirectory(
      path.resolve(templateDir, step.input.url),
      options.outputDir,
      values,
    );
  }
}

interface TemplateStep {
  action: string;
  if?: unknown;
  input: { url: string; values?: Record<string, unknown> };
}

const EXPRESSION = /\$\{\{\s*(.+?)\s*\}\}/g;

function evaluate(
  expression: string,
  parameters: Record<string, unknown>,
): unknown {
  const inner = expression.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
  const comparison = inner.match(/^parameters\.(\w+)\s*(==|!=)\s*(.+)$/);
  if (comparison) {
    const [, key, operator, literal] = comparison;
    const equal = parameters[key] === JSON.parse(literal.replace(/'/g, '"'));
    return operator === '==' ? equal : !equal;
  }
  const reference = inner.match(/^parameters\.(\w+)$/);
  if (reference) return parameters[reference[1]];
  throw new Error(`renderTemplateLocally cannot evaluate "${expression}"`);
}

function renderParameters(
  value: string,
  parameters: Record<string, unknown>,
): unknown {
  const whole = value.match(/^\$\{\{\s*(.+?)\s*\}\}$/);
  if (whole) return evaluate(value, parameters);
  return value.replace(EXPRESSION, match =>
    String(evaluate(match, parameters)),
  );
}

export function renderSkeletonText(
  text: string,
  values: Record<string, unknown>,
  file: string,
): string {
  if (/\{%|\{#/.test(text)) {
    throw new Error(
      `${file}: nunjucks tags ({% or {#) are not allowed in skeletons`,
    );
  }
  return text.replace(EXPRESSION, (_match, expression: string) => {
    const key = expression.match(/^values\.(\w+)$/)?.[1];
    if (!key || !(key in values)) {
      throw new Error(`${file}: unknown template expression "${expression}"`);
    }
    return String(values[key]);
  });
}

async function renderDirectory(
  sourceDir: string,
  outputDir: string,
  values: Record<string, unknown>,
): Promise<void> {
  for (const entry of await fs.readdir(sourceDir, { withFileTypes: true })) {
    const source = path.join(sourceDir, entry.name);
    const target = path.join(outputDir, entry.name);
    if (entry.isDirectory()) {
      await fs.ensureDir(target);
      await renderDirectory(source, target, values);
    } else {
      const text = await fs.readFile(source, 'utf8');
      await fs.writeFile(target, renderSkeletonText(text, values, source));
    }
  }
}
