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
 * Walks a template's steps the way the scaffolder's workflow runner does (nunjitsu with regex
 * execution allowed; each string value rendered on its own, so a sole `${{ x }}` keeps its type
 * and an undefined one drops the key; `if` decides with the runner's truthiness): yields each
 * step that would run, rendered with the form values and the outputs of the steps before it,
 * and takes that step's output back through `next(output)`.
 */
function* templateSteps(
  templateFile: string,
  parameters: JsonObject,
): Generator<RenderedStep, void, JsonObject | undefined> {
  const template = yaml.parse(fs.readFileSync(templateFile, 'utf8'));
  const renderer = createTemplateRenderer({ allowRegexExecution: true });
  const steps: Record<string, { output: JsonObject }> = {};
  for (const step of template.spec.steps as TemplateStep[]) {
    const context = renderer.prepareContext({ parameters, steps } as any);
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
    const output = yield {
      id: step.id,
      action: step.action,
      input: step.input ? (render(step.input) as JsonObject) : {},
    };
    steps[step.id] = { output: output ?? {} };
  }
}

/**
 * Runs a template's steps in order with `run`, which returns each step's output; a step that
 * throws ends the run, as in the scaffolder. Returns the steps that ran.
 */
export async function walkTemplateSteps(options: {
  templateFile: string;
  parameters: JsonObject;
  run: (step: RenderedStep) => Promise<JsonObject>;
}): Promise<RenderedStep[]> {
  const ran: RenderedStep[] = [];
  const walk = templateSteps(options.templateFile, options.parameters);
  for (let next = walk.next(); !next.done; ) {
    ran.push(next.value);
    next = walk.next(await options.run(next.value));
  }
  return ran;
}

/** The rendered input of every step that would run, given what each step reports, by step id. */
export function renderStepInputs(options: {
  templateFile: string;
  parameters: JsonObject;
  stepOutputs: Record<string, JsonObject>;
}): RenderedStep[] {
  const ran: RenderedStep[] = [];
  const walk = templateSteps(options.templateFile, options.parameters);
  for (let next = walk.next(); !next.done; ) {
    ran.push(next.value);
    next = walk.next(options.stepOutputs[next.value.id]);
  }
  return ran;
}

function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : !!value;
}
