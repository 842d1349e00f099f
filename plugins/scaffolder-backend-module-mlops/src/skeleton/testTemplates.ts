import fs from 'node:fs';
import path from 'node:path';

/** The golden-path templates of this repository, for tests and the generated-project script. */
export const TEMPLATE_NAMES = [
  'batch-training',
  'online-inference',
  'llm-rag',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** The repository's templates/ folder, found upwards from the working directory (the package for jest, the repository for scripts). */
export const TEMPLATES_DIR = findTemplatesDir(process.cwd());

function findTemplatesDir(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'templates', 'all.yaml'))) {
      return path.join(dir, 'templates');
    }
  }
  throw new Error(`no templates/all.yaml above ${from}`);
}

export function templateFile(name: TemplateName): string {
  return path.join(TEMPLATES_DIR, `${name}.template.yaml`);
}

/** Form values a data scientist could submit, compliant with the demo guardrails. */
export function sampleParameters(name: TemplateName, targetLevel: 1 | 2) {
  return {
    name: `sample-${name}`,
    owner: 'group:default/fraud-analytics',
    // Colons, quotes and a backslash: free text must survive YAML, Python and Markdown files.
    businessObjective: 'Churn: flag "at-risk" accounts early \\ weekly',
    kpi: 'Churn down 5% in two quarters',
    dataClassification: 'confidential',
    dataResidency: 'ca',
    computeTier: name === 'llm-rag' ? 'gpu-small' : 'cpu-small',
    gpuBudget: name === 'llm-rag' ? 50 : 0,
    targetLevel,
    ...(name === 'llm-rag'
      ? { modelProvider: 'self-hosted', llmModel: 'llama-3.1-8b-instruct' }
      : {}),
  };
}
