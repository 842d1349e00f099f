import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { JsonObject } from '@backstage/types';
import fs from 'fs-extra';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderStepInputs } from '../../__testUtils__/renderStepInputs';

/** What `mlops:publish:plan` reports when the platform publishes to GitHub (as in production). */
export function githubPlanOutput(name: string): JsonObject {
  return {
    target: 'github',
    repoUrl: `github.com?owner=acme-ml&repo=${name}`,
    sourceLocation: `url:https://github.com/acme-ml/${name}/tree/main/`,
  };
}

/**
 * Renders a golden-path template into a directory with Backstage's own `fetch:template` action
 * (the nunjucks renderer, `copyWithoutTemplating`, its filters), after rendering each step's
 * input the way the workflow runner does. Only the fetch steps run; the plan step's output is
 * given, since the generated files depend on where the repository is published.
 */
export async function renderGoldenPath(options: {
  templateFile: string;
  parameters: JsonObject;
  outputDir: string;
  planOutput?: JsonObject;
}): Promise<void> {
  const name = String(options.parameters.name);
  const steps = renderStepInputs({
    templateFile: options.templateFile,
    parameters: options.parameters,
    stepOutputs: { plan: options.planOutput ?? githubPlanOutput(name) },
  });
  const action = createFetchTemplateAction({
    // Every fetch in the templates is relative to the template file, which fetch:template copies
    // from disk; a URL read would be a template bug, so the reader refuses.
    reader: {
      readUrl: refuse,
      readTree: refuse,
      search: refuse,
    },
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  });
  await fs.ensureDir(options.outputDir);
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'lz-fetch-'));
  try {
    for (const step of steps.filter(s => s.action === 'fetch:template')) {
      await action.handler(
        fetchContext(
          step.id,
          step.input,
          options.outputDir,
          options.templateFile,
          scratch,
        ) as any,
      );
    }
  } finally {
    await fs.remove(scratch);
  }
}

async function refuse(url: string): Promise<never> {
  throw new Error(
    `renderGoldenPath reads templates from disk only, not ${url}`,
  );
}

function fetchContext(
  stepId: string,
  input: JsonObject,
  workspacePath: string,
  templateFile: string,
  scratch: string,
) {
  const log = (level: string) => (message: string) => {
    if (level === 'error') console.error(`${stepId}: ${message}`);
  };
  let directories = 0;
  return {
    input,
    workspacePath,
    templateInfo: { baseUrl: pathToFileURL(templateFile).href },
    logger: {
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      debug: log('debug'),
      child() {
        return this;
      },
    },
    logStream: process.stderr,
    output: () => {},
    secrets: {},
    isDryRun: false,
    task: { id: 'render-golden-path' },
    step: { id: stepId, name: stepId },
    createTemporaryDirectory: async () => {
      const dir = path.join(scratch, `${stepId}-${directories++}`);
      await fs.ensureDir(dir);
      return dir;
    },
    checkpoint: async (opts: { fn: () => unknown }) => opts.fn(),
    getInitiatorCredentials: async () => ({
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'none' },
    }),
  };
}
