import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { JsonObject } from '@backstage/types';
import { validate } from 'jsonschema';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { createTemplateRenderer } from 'nunjitsu';
import yaml from 'yaml';
import { sampleParameters } from '../skeleton/testTemplates';
import { createGuardrailsCheckAction } from './guardrails/createGuardrailsCheckAction';
import { createUseCaseManifestAction } from './manifest/createUseCaseManifestAction';
import { createPublishLocalAction } from './publish/createPublishLocalAction';
import { createPublishPlanAction } from './publish/createPublishPlanAction';
import { createUseCaseRecordAction } from './record/createUseCaseRecordAction';
import { createRegisterLocalAction } from './register/createRegisterLocalAction';

/*
 * Every example an action shows under Create → Installed actions must work as written: each
 * example step is rendered the way the scaffolder renders step input (with a sample form and
 * the outputs earlier steps would give), checked against the action's published JSON Schema,
 * then run by the real handler.
 */

const repositories = createMockDirectory();
const workspace = createMockDirectory();
const groups = ['fraud-analytics', 'claims-ai'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace: 'default', name },
  spec: { type: 'team', children: [] },
}));
const catalog = catalogServiceMock({ entities: groups });
jest.spyOn(catalog, 'addLocation').mockResolvedValue({} as any);

/** Answers the record action as the mlops backend does. */
const mlopsStandIn = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ recorded: true }));
  });
});

function createActions(mlopsUrl: string): TemplateAction<any, any, any>[] {
  const config = mockServices.rootConfig({
    data: {
      mlops: {
        publish: {
          target: 'local',
          local: { repositoriesDir: repositories.path },
        },
      },
    },
  });
  return [
    createGuardrailsCheckAction({ config, catalog }),
    createPublishPlanAction({ config }),
    createUseCaseManifestAction(),
    createPublishLocalAction({ config }),
    createRegisterLocalAction({ config, catalog }),
    createUseCaseRecordAction({
      discovery: {
        getBaseUrl: async () => mlopsUrl,
        getExternalBaseUrl: async () => mlopsUrl,
      },
      auth: mockServices.auth(),
    }),
  ];
}

const parameters = sampleParameters('batch-training', 1);
const stepOutputs = {
  plan: { target: 'local', repoUrl: '', sourceLocation: 'file:/srv/x/' },
  'register-local': { entityRef: `component:default/${parameters.name}` },
};

/** What each example step finds on disk when it runs in a real template. */
async function prepare(actionId: string, input: JsonObject) {
  repositories.clear();
  workspace.clear();
  const component = yaml.stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'skeleton' },
    spec: { type: 'ml-pipeline', lifecycle: 'experimental', owner: 'x' },
  });
  // The skeleton a manifest step completes, and a project to publish.
  workspace.addContent({
    'catalog-info.yaml': component,
    project: { 'catalog-info.yaml': component },
  });
  // The repository a register step registers.
  if (actionId === 'mlops:catalog:register-local') {
    repositories.addContent({
      [String(input.name)]: { 'catalog-info.yaml': component },
    });
  }
}

const renderer = createTemplateRenderer({ allowRegexExecution: true });
function render(input: JsonObject): JsonObject {
  const context = renderer.prepareContext({
    parameters,
    steps: Object.fromEntries(
      Object.entries(stepOutputs).map(([id, output]) => [id, { output }]),
    ),
  } as any);
  return JSON.parse(JSON.stringify(input), (_key, value) =>
    typeof value === 'string' ? renderer.renderValue(value, context) : value,
  );
}

describe('the examples of each mlops:* action', () => {
  let actions: TemplateAction<any, any, any>[];
  beforeAll(async () => {
    await new Promise<void>(resolve =>
      mlopsStandIn.listen(0, '127.0.0.1', resolve),
    );
    const { port } = mlopsStandIn.address() as AddressInfo;
    actions = createActions(`http://127.0.0.1:${port}/api/mlops`);
  });
  afterAll(() => mlopsStandIn.close());

  it('exist for every action', () => {
    expect(
      actions.filter(a => (a.examples ?? []).length === 0).map(a => a.id),
    ).toEqual([]);
  });

  it.each(
    createActions('http://unused').flatMap(action =>
      (action.examples ?? []).map(example => [action.id, example.description]),
    ),
  )('%s: %s', async (actionId, description) => {
    const action = actions.find(a => a.id === actionId)!;
    const example = action.examples!.find(e => e.description === description)!;
    const steps = (yaml.parse(example.example).steps as JsonObject[]).filter(
      step => step.action === actionId,
    );
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const input = render(step.input as JsonObject);
      expect(validate(input, action.schema!.input!).errors).toEqual([]);
      await prepare(actionId, input);
      const ctx = createMockActionContext({
        input,
        workspacePath: workspace.path,
        task: { id: 'task-1' } as any,
        templateInfo: { entityRef: 'template:default/batch-training' } as any,
      });
      await action.handler(ctx);
      expect(ctx.output).toHaveBeenCalled();
    }
  });
});
