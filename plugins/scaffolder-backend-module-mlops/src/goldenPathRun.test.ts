import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';
import { validate } from 'jsonschema';
import fs from 'fs-extra';
import path from 'node:path';
import yaml from 'yaml';
import { createGuardrailsCheckAction } from './actions/guardrails/createGuardrailsCheckAction';
import { createUseCaseManifestAction } from './actions/manifest/createUseCaseManifestAction';
import { createPublishLocalAction } from './actions/publish/createPublishLocalAction';
import { createPublishPlanAction } from './actions/publish/createPublishPlanAction';
import { createRegisterLocalAction } from './actions/register/createRegisterLocalAction';
import { createTemplateRenderer } from 'nunjitsu';
import { walkTemplateSteps } from './__testUtils__/renderStepInputs';
import {
  TEMPLATE_NAMES,
  TemplateName,
  sampleParameters,
  templateFile,
} from './skeleton/testTemplates';

/*
 * A whole golden-path run, step by step as the scaffolder runs it: each step's input rendered
 * from the form and the earlier steps' outputs, checked against the action's published JSON
 * Schema, then given to the real action. fetch:template renders the real skeleton files with the
 * scaffolder's template engine; the record step (it calls the mlops backend, tested on its own)
 * is only validated.
 */

const renderer = createTemplateRenderer({ allowRegexExecution: true });

async function fetchTemplate(source: string, target: string, values: unknown) {
  for (const entry of await fs.readdir(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) {
      await fs.ensureDir(to);
      await fetchTemplate(from, to, values);
    } else {
      const text = await fs.readFile(from, 'utf8');
      await fs.writeFile(to, renderer.render(text, { values } as any));
    }
  }
}

const repositories = createMockDirectory();
const workspace = createMockDirectory();
const catalog = catalogServiceMock({
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { namespace: 'default', name: 'fraud-analytics' },
      spec: { type: 'team', children: [] },
    },
  ],
});
const addLocation = jest.spyOn(catalog, 'addLocation').mockResolvedValue({
  location: {
    id: 'l1',
    type: 'file',
    target: '/registered',
    entityRef: 'location:default/registered',
  } as any,
  entities: [],
  exists: false,
});

function actionsFor(root: string): Map<string, TemplateAction<any, any, any>> {
  const config = mockServices.rootConfig({
    data: {
      mlops: { publish: { target: 'local', local: { repositoriesDir: root } } },
    },
  });
  return new Map(
    [
      createGuardrailsCheckAction({ config, catalog }),
      createPublishPlanAction({ config }),
      createUseCaseManifestAction(),
      createPublishLocalAction({ config }),
      createRegisterLocalAction({ config, catalog }),
    ].map(action => [action.id, action]),
  );
}

async function runGoldenPath(
  parameters: JsonObject,
  name: TemplateName = 'batch-training',
) {
  const actions = actionsFor(repositories.path);
  const file = templateFile(name);
  return walkTemplateSteps({
    templateFile: file,
    parameters,
    async run(step) {
      if (step.action === 'fetch:template') {
        await fetchTemplate(
          path.resolve(path.dirname(file), String(step.input.url)),
          workspace.path,
          step.input.values,
        );
        return {};
      }
      if (step.action === 'mlops:usecase:record') {
        return {};
      }
      const action = actions.get(step.action);
      if (!action) throw new Error(`no action ${step.action} in this test`);
      // What the scaffolder's runner does before the handler.
      const result = validate(step.input, action.schema!.input!);
      if (!result.valid) {
        throw new InputError(
          `Invalid input passed to action ${action.id}, ${result.errors.join(
            ', ',
          )}`,
        );
      }
      const ctx = createMockActionContext({
        input: step.input,
        workspacePath: workspace.path,
        task: { id: 'task-1' } as any,
        templateInfo: { entityRef: `template:default/${name}` } as any,
      });
      await action.handler(ctx);
      return Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    },
  });
}

describe('a golden-path run', () => {
  beforeEach(() => {
    repositories.clear();
    workspace.clear();
    addLocation.mockClear();
  });

  it('publishes and registers a use case owned by a team of the catalog', async () => {
    const steps = await runGoldenPath(sampleParameters('batch-training', 1));
    expect(steps.map(s => s.id)).toEqual([
      'guardrails',
      'plan',
      'fetch-python',
      'fetch-tabular',
      'fetch-skeleton',
      'manifest',
      'publish-local',
      'register-local',
      'record',
    ]);
    expect(
      await fs.readFile(
        path.join(repositories.path, 'sample-batch-training', 'mlops.yaml'),
        'utf8',
      ),
    ).toContain('owner: group:default/fraud-analytics');
    expect(addLocation).toHaveBeenCalledTimes(1);
  });

  it.each(TEMPLATE_NAMES)(
    'of %s puts every key result of the form in mlops.yaml and on the entity',
    async name => {
      await runGoldenPath(
        {
          ...sampleParameters(name, 1),
          kpi: 'Churn down 5% in two quarters\n\nNPS up 3 points',
        },
        name,
      );
      const repository = path.join(repositories.path, `sample-${name}`);
      const manifest = yaml.parse(
        await fs.readFile(path.join(repository, 'mlops.yaml'), 'utf8'),
      );
      expect(manifest.spec.kpis).toEqual([
        'Churn down 5% in two quarters',
        'NPS up 3 points',
      ]);
      const entity = yaml
        .parseAllDocuments(
          await fs.readFile(path.join(repository, 'catalog-info.yaml'), 'utf8'),
        )
        .map(d => d.toJS())
        .find(e => e.kind === 'Component');
      expect(entity.metadata.annotations['landingzone.ml/key-results']).toBe(
        'Churn down 5% in two quarters\nNPS up 3 points',
      );
    },
  );

  it.each(['group:default/no-such-team', 'group:evil/fraud-analytics'])(
    'stops at the guardrails for owner %s and writes nothing',
    async owner => {
      const run = runGoldenPath({
        ...sampleParameters('batch-training', 2),
        owner,
      });
      await expect(run).rejects.toThrow(
        `Invalid input to mlops:guardrails:check: owner: expected a Group in the catalog, found no entity "${owner}"`,
      );
      expect(workspace.content()).toEqual({});
      expect(repositories.content()).toEqual({});
      expect(addLocation).not.toHaveBeenCalled();
    },
  );
});
