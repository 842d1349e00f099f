import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  defaultMaturityModel,
  evaluateMaturity,
} from '@landing-zone/plugin-mlops-common';

// A new use case *declares* its level; until its pipeline reports facts, only the declared
// evidence mode counts that (the observed mode is tested in mlops-common).
const declaredModel = {
  ...defaultMaturityModel,
  evidence: 'declared' as const,
};
import fs from 'fs-extra';
import path from 'node:path';
import yaml from 'yaml';
import { renderTemplateLocally } from '../../skeleton/renderTemplateLocally';
import {
  TEMPLATE_NAMES,
  TemplateName,
  sampleParameters,
  templateFile,
} from '../../skeleton/testTemplates';
import { createUseCaseManifestAction } from './createUseCaseManifestAction';

const workspace = createMockDirectory();
const action = createUseCaseManifestAction({
  now: () => new Date('2026-11-23T10:00:00Z'),
});
const TYPES: Record<TemplateName, string> = {
  'batch-training': 'ml-pipeline',
  'online-inference': 'ml-service',
  'llm-rag': 'llm-app',
};

/** The manifest step's input exactly as the template passes it. */
function manifestInput(name: TemplateName, targetLevel: 1 | 2) {
  const { kpi, llmModel, ...p } = sampleParameters(name, targetLevel);
  return {
    ...p,
    kpis: kpi,
    type: TYPES[name],
    templateRef: `template:default/${name}`,
    templateVersion: '1.0.0',
    sourceLocation: `file:/var/repositories/${p.name}/`,
  };
}

async function generate(name: TemplateName, targetLevel: 1 | 2) {
  workspace.clear();
  await renderTemplateLocally({
    templateFile: templateFile(name),
    parameters: sampleParameters(name, targetLevel),
    outputDir: workspace.path,
  });
  const ctx = createMockActionContext({
    input: manifestInput(name, targetLevel) as any,
    workspacePath: workspace.path,
    task: { id: 'task-1' },
  } as any);
  await action.handler(ctx as any);
  return ctx;
}

const readYaml = async (file: string) =>
  yaml.parse(await fs.readFile(path.join(workspace.path, file), 'utf8'));

describe('mlops:usecase:manifest', () => {
  describe.each(TEMPLATE_NAMES)('on the real %s skeleton', name => {
    it('puts the new use case at maturity Level 1', async () => {
      await generate(name, 1);
      const entity = await readYaml('catalog-info.yaml');
      const evaluation = evaluateMaturity(entity, declaredModel);
      expect(evaluation.checks.filter(c => c.level === 1 && !c.passed)).toEqual(
        [],
      );
      expect(evaluation.level).toBe(1);
      expect(entity.metadata.description).toBe(
        sampleParameters(name, 1).businessObjective,
      );
      expect(entity.spec).toMatchObject({
        type: TYPES[name],
        owner: 'group:default/fraud-analytics',
        lifecycle: 'experimental',
      });
    });

    it('puts it at Level 2 when Level 2 is the target', async () => {
      await generate(name, 2);
      const entity = await readYaml('catalog-info.yaml');
      const evaluation = evaluateMaturity(entity, declaredModel);
      expect(evaluation.checks.filter(c => c.required && !c.passed)).toEqual(
        [],
      );
      expect(evaluation.level).toBe(2);
      // The overlay is an input of the step, not part of the repository.
      expect(
        await fs.pathExists(
          path.join(workspace.path, 'catalog-info.level2.yaml'),
        ),
      ).toBe(false);
    });
  });

  it('writes mlops.yaml with objective, KPIs, classification, residency, budget, level and template', async () => {
    const ctx = await generate('llm-rag', 1);
    expect(await readYaml('mlops.yaml')).toEqual({
      apiVersion: 'landingzone.ml/v1alpha1',
      kind: 'UseCase',
      metadata: {
        name: 'sample-llm-rag',
        owner: 'group:default/fraud-analytics',
      },
      spec: {
        type: 'llm-app',
        objective: 'Churn: flag "at-risk" accounts early \\ weekly',
        kpis: ['Churn down 5% in two quarters'],
        data: { classification: 'confidential', residency: 'ca' },
        compute: { tier: 'gpu-small', gpuBudgetHoursPerMonth: 50 },
        llm: { provider: 'self-hosted' },
        targetLevel: 1,
        template: { ref: 'template:default/llm-rag', version: '1.0.0' },
        created: { at: '2026-11-23T10:00:00.000Z', taskId: 'task-1' },
      },
    });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/sample-llm-rag',
    );
  });

  describe.each<[string, unknown, string[]]>([
    ['one key result', 'Churn down 5%', ['Churn down 5%']],
    [
      'one per line',
      'Churn down 5%\r\n\n  NPS up 3  \n',
      ['Churn down 5%', 'NPS up 3'],
    ],
    ['a list', ['Churn down 5%', 'NPS up 3'], ['Churn down 5%', 'NPS up 3']],
    ['an empty text', '', []],
    ['no key result', undefined, []],
  ])('with %s', (_label, kpis, expected) => {
    it('lists them in mlops.yaml and on the entity', async () => {
      workspace.clear();
      await renderTemplateLocally({
        templateFile: templateFile('batch-training'),
        parameters: sampleParameters('batch-training', 1),
        outputDir: workspace.path,
      });
      const ctx = createMockActionContext({
        input: { ...manifestInput('batch-training', 1), kpis } as any,
        workspacePath: workspace.path,
        task: { id: 'task-1' },
      } as any);
      await action.handler(ctx as any);
      expect((await readYaml('mlops.yaml')).spec.kpis).toEqual(expected);
      const annotations = (await readYaml('catalog-info.yaml')).metadata
        .annotations;
      expect(annotations['landingzone.ml/key-results']).toBe(
        expected.length > 0 ? expected.join('\n') : undefined,
      );
    });
  });

  it('keeps comments and gives the same files when a retry runs it again later', async () => {
    await generate('batch-training', 2);
    const first = await fs.readFile(
      path.join(workspace.path, 'catalog-info.yaml'),
      'utf8',
    );
    const later = createUseCaseManifestAction({
      now: () => new Date('2030-01-01T00:00:00Z'),
    });
    const ctx = createMockActionContext({
      input: manifestInput('batch-training', 2) as any,
      workspacePath: workspace.path,
      task: { id: 'task-1' },
    } as any);
    await later.handler(ctx as any);
    expect(
      await fs.readFile(path.join(workspace.path, 'catalog-info.yaml'), 'utf8'),
    ).toBe(first);
    expect(first).toContain('# Evidence for maturity Level 1');
    expect(ctx.output).toHaveBeenCalledWith(
      'createdAt',
      '2026-11-23T10:00:00.000Z',
    );
  });

  describe.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a traversing targetPath',
      { targetPath: '../outside' },
      /targetPath: expected a path inside the workspace, got "\.\.\/outside"/,
    ],
    [
      'an absolute targetPath',
      { targetPath: '/etc' },
      /targetPath: expected a path inside the workspace/,
    ],
    [
      'a targetPath without a skeleton',
      { targetPath: 'empty' },
      /targetPath: expected the skeleton's catalog-info.yaml in "empty"/,
    ],
    [
      'a targetPath with a NUL byte',
      { targetPath: 'a\0b' },
      /targetPath: expected a path without NUL characters/,
    ],
    [
      'an unknown type',
      { type: 'notebook' },
      /type: expected one of ml-model, ml-pipeline, ml-service, llm-app/,
    ],
    [
      'target level 3',
      { targetLevel: 3 },
      /targetLevel: expected the number 1 or 2/,
    ],
    [
      'target level 1.5',
      { targetLevel: 1.5 },
      /targetLevel: expected the number 1 or 2/,
    ],
    [
      'an oversized objective',
      { businessObjective: 'x'.repeat(501) },
      /businessObjective: expected at most 500 characters/,
    ],
    [
      'an empty objective',
      { businessObjective: '   ' },
      /businessObjective: expected a non-empty text/,
    ],
    [
      'a bidi override in the objective',
      { businessObjective: 'Reduce churn \u202Eevil' },
      /businessObjective: expected printable text without control, zero-width or bidirectional-override characters/,
    ],
    [
      'a NUL byte in the objective',
      { businessObjective: 'Reduce\u0000churn' },
      /businessObjective: expected printable text/,
    ],
    [
      'a zero-width joiner in a KPI',
      { kpis: ['churn\u200d down'] },
      /kpis\.0: expected printable text/,
    ],
    [
      'a decomposed (non-NFC) objective',
      { businessObjective: 'Cafe\u0301 sales forecast' },
      /businessObjective: expected Unicode text in NFC normal form/,
    ],
    [
      'too many KPIs',
      { kpis: Array.from({ length: 11 }, (_, i) => `kpi ${i}`) },
      /kpis/,
    ],
    [
      'a KPI that is a number',
      { kpis: 5 },
      /kpis: expected a text \(one key result per line\) or a list of at most 10 texts/,
    ],
    [
      'a template ref of another kind',
      { templateRef: 'component:default/x' },
      /templateRef: expected a template entity ref/,
    ],
    [
      'a version with spaces',
      { templateVersion: '1 0' },
      /templateVersion: expected a version/,
    ],
    [
      'a source location that is not a ref',
      { sourceLocation: 'https://x' },
      /sourceLocation: expected a location ref/,
    ],
    [
      'a name with an emoji',
      { name: 'churn-🚀' },
      /name: expected lowercase letters/,
    ],
    [
      'a gpu budget that is NaN',
      { gpuBudget: NaN },
      /gpuBudget: expected a number/,
    ],
  ])('rejects %s', (_label, change, message) => {
    it('names the field and writes nothing', async () => {
      workspace.clear();
      await renderTemplateLocally({
        templateFile: templateFile('batch-training'),
        parameters: sampleParameters('batch-training', 1),
        outputDir: workspace.path,
      });
      await fs.ensureDir(path.join(workspace.path, 'empty'));
      const before = workspace.content();
      const ctx = createMockActionContext({
        input: { ...manifestInput('batch-training', 1), ...change } as any,
        workspacePath: workspace.path,
      });
      await expect(action.handler(ctx)).rejects.toThrow(message);
      expect(workspace.content()).toEqual(before);
    });
  });

  it('refuses target Level 2 without the overlay, leaving the skeleton untouched', async () => {
    await generate('batch-training', 1);
    const before = workspace.content();
    const ctx = createMockActionContext({
      input: manifestInput('batch-training', 2) as any,
      workspacePath: workspace.path,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      'targetLevel: 2 needs the Level-2 overlay',
    );
    expect(workspace.content()).toEqual(before);
  });
});
