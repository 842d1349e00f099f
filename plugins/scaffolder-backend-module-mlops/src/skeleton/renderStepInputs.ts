import { JsonObject, JsonValue } from '@backstage/types';
import fs from 'node:fs';
import { createTemplateRenderer } from 'nunjitsu';
import yaml from 'yaml';

/** One step of a template as the scaffolder would run it. */
export interface RenderedStep {
  id: string;
  action: string;
  input: JsonObject;
}

interface TemplateStep {
  id: string;
  action: string;
  if?: string | boolean;
  input?: JsonObject;
}

/**
 * Renders a template's steps the way the scaffolder's workflow runner does (nunjitsu with regex
 * execution allowed; each string value rendered on its own, so a sole `${{ x }}` keeps its type
 * and an undefined one drops the key; `if` decides with the runner's truthiness), with the given
 * form values and step outputs. Only what the runner validates is returned: the rendered input of
 * every step that would run.
 */
export function renderStepInputs(options: {
  templateFile: string;
  parameters: JsonObject;
  /** What each earlier step reports, by step id (actions are not run here). */
  stepOutputs: Record<string, JsonObject>;
}): RenderedStep[] {
  const template = yaml.parse(fs.readFileSync(options.templateFile, 'utf8'));
  const renderer = createTemplateRenderer({ allowRegexExecution: true });
  const steps: Record<string, { output: JsonObject }> = {};
  const rendered: RenderedStep[] = [];
  for (const step of template.spec.steps as TemplateStep[]) {
    const context = renderer.prepareContext({
      parameters: options.parameters,
      steps,
    } as any);
    const render = (value: JsonValue): JsonValue =>
      JSON.parse(JSON.stringify(value), (_key, v) => {
        try {
          return typeof v === 'string' ? renderer.renderValue(v, context) : v;
        } catch {
          return v;
        }
      });
    const shouldRun =
      step.if === undefined ||
      (step.if !== false &&
        (typeof step.if !== 'string' || isTruthy(render(step.if))));
    if (!shouldRun) continue;
    rendered.push({
      id: step.id,
      action: step.action,
      input: step.input ? (render(step.input) as JsonObject) : {},
    });
    steps[step.id] = { output: options.stepOutputs[step.id] ?? {} };
  }
  return rendered;
}

function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : !!value;
}
