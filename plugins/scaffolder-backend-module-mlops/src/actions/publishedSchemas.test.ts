import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import { validate } from 'jsonschema';
import {
  everyFieldParameters,
  formFields,
  requiredOnlyParameters,
} from '../__testUtils__/formParameters';
import { renderStepInputs } from '../__testUtils__/renderStepInputs';
import {
  TEMPLATE_NAMES,
  TemplateName,
  templateFile,
} from '../skeleton/testTemplates';
import { z } from 'zod/v3';
import type { Zod } from '../lib/zod';
import {
  createGuardrailsCheckAction,
  guardrailsCheckInput,
} from './guardrails/createGuardrailsCheckAction';
import {
  createUseCaseManifestAction,
  useCaseManifestInput,
} from './manifest/createUseCaseManifestAction';
import {
  createPublishLocalAction,
  publishLocalInput,
} from './publish/createPublishLocalAction';
import {
  createPublishPlanAction,
  publishPlanInput,
} from './publish/createPublishPlanAction';
import {
  createUseCaseRecordAction,
  useCaseRecordInput,
} from './record/createUseCaseRecordAction';
import {
  createRegisterLocalAction,
  registerLocalInput,
} from './register/createRegisterLocalAction';

/*
 * The scaffolder checks every step's rendered input against the JSON Schema the action
 * publishes (createTemplateAction converts the zod schema with zod-to-json-schema) with the
 * `jsonschema` package, before the handler runs. Handler tests skip that check, so this test
 * makes it with the same schema and validator for every input the templates really send.
 */

const config = new ConfigReader({
  mlops: {
    publish: {
      target: 'local',
      local: { repositoriesDir: '/srv/repositories' },
    },
  },
});
const actions: TemplateAction<any, any, any>[] = [
  createGuardrailsCheckAction({ config, catalog: catalogServiceMock() }),
  createPublishPlanAction({ config }),
  createUseCaseManifestAction(),
  createPublishLocalAction({ config }),
  createRegisterLocalAction({ config, catalog: catalogServiceMock() }),
  createUseCaseRecordAction({
    discovery: mockServices.discovery(),
    auth: mockServices.auth(),
  }),
];
const actionById = new Map(actions.map(a => [a.id, a]));

/** What the runner does with a step's rendered input (NunjucksWorkflowRunner). */
function scaffolderValidation(actionId: string, input: JsonObject): string[] {
  const schema = actionById.get(actionId)!.schema?.input;
  if (!schema) return [];
  return validate(input, schema).errors.map(e => e.toString());
}

/** Step outputs as each publisher target reports them. */
function stepOutputs(
  target: 'local' | 'github',
  name: string,
): Record<string, JsonObject> {
  const entityRef = `component:default/${name}`;
  return target === 'local'
    ? {
        plan: {
          target,
          repoUrl: '',
          sourceLocation: `file:/srv/repositories/${name}/`,
        },
        'publish-local': { remoteUrl: `file:///srv/repositories/${name}` },
        'register-local': { entityRef },
      }
    : {
        plan: {
          target,
          repoUrl: `github.com?owner=acme&repo=${name}`,
          sourceLocation: `url:https://github.com/acme/${name}/tree/main/`,
        },
        'publish-github': {
          remoteUrl: `https://github.com/acme/${name}`,
          repoContentsUrl: `https://github.com/acme/${name}/blob/main`,
        },
        register: { entityRef },
      };
}

type FormCase = [string, (name: TemplateName) => JsonObject];
const FORM_CASES: FormCase[] = [
  ['every field filled', everyFieldParameters],
  ['only the required fields', requiredOnlyParameters],
  [
    'one key result',
    n => ({ ...requiredOnlyParameters(n), kpi: 'Churn down 5%' }),
  ],
  [
    'several key results, one per line',
    n => ({
      ...requiredOnlyParameters(n),
      kpi: 'Churn down 5%\nNPS up 3 points',
    }),
  ],
  [
    'the key result left empty',
    n => ({ ...requiredOnlyParameters(n), kpi: '' }),
  ],
];

describe('the published JSON Schema of each mlops:* action', () => {
  describe.each(TEMPLATE_NAMES)('accepts what %s sends', name => {
    it('samples every field of the form', () => {
      expect(Object.keys(everyFieldParameters(name)).sort()).toEqual(
        formFields(name).sort(),
      );
    });

    describe.each(FORM_CASES)('with %s', (_label, parameters) => {
      it.each(['local', 'github'] as const)('publishing to %s', target => {
        const values = parameters(name);
        const steps = renderStepInputs({
          templateFile: templateFile(name),
          parameters: values,
          stepOutputs: stepOutputs(target, String(values.name)),
        }).filter(step => step.action.startsWith('mlops:'));

        expect(steps.map(s => s.action)).toContain('mlops:usecase:manifest');
        const rejected = steps.flatMap(step =>
          scaffolderValidation(step.action, step.input).map(
            error => `${step.id} (${step.action}): ${error}`,
          ),
        );
        expect(rejected).toEqual([]);
      });
    });
  });

  it('knows every mlops:* action a template uses', () => {
    const rendered = TEMPLATE_NAMES.map(name =>
      renderStepInputs({
        templateFile: templateFile(name),
        parameters: everyFieldParameters(name),
        stepOutputs: stepOutputs('local', 'x'),
      }),
    );
    const used = rendered
      .flat()
      .map(step => step.action)
      .filter(id => id.startsWith('mlops:'));
    expect([...new Set(used)].filter(id => !actionById.has(id))).toEqual([]);
  });
});

const subject = {
  name: 'churn-forecast',
  owner: 'group:default/fraud-analytics',
  dataClassification: 'internal',
  dataResidency: 'ca',
  computeTier: 'cpu-small',
  gpuBudget: 0,
};
const manifest = {
  ...subject,
  businessObjective: 'Flag at-risk accounts early',
  type: 'ml-pipeline',
  targetLevel: 1,
};

/** Inputs the handler's own zod schema accepts, at the edges where a projection can drift. */
const HANDLER_ACCEPTS: [string, (zod: Zod) => z.ZodTypeAny, JsonObject][] = [
  ['mlops:guardrails:check', guardrailsCheckInput, subject],
  [
    'mlops:guardrails:check',
    guardrailsCheckInput,
    { ...subject, owner: 'group:default/DataScience' },
  ],
  [
    'mlops:guardrails:check',
    guardrailsCheckInput,
    { ...subject, owner: 'Group:Default/fraud' },
  ],
  [
    'mlops:guardrails:check',
    guardrailsCheckInput,
    { ...subject, owner: 'fraud-analytics', modelProvider: 'self-hosted' },
  ],
  ['mlops:usecase:manifest', useCaseManifestInput, manifest],
  [
    'mlops:usecase:manifest',
    useCaseManifestInput,
    { ...manifest, kpis: 'Churn down 5%' },
  ],
  ['mlops:usecase:manifest', useCaseManifestInput, { ...manifest, kpis: '' }],
  [
    'mlops:usecase:manifest',
    useCaseManifestInput,
    { ...manifest, kpis: ['a', 'b'] },
  ],
  ['mlops:usecase:manifest', useCaseManifestInput, { ...manifest, kpis: [] }],
  [
    'mlops:usecase:manifest',
    useCaseManifestInput,
    { ...manifest, templateRef: 'template:default/Batch-Training' },
  ],
  [
    'mlops:usecase:manifest',
    useCaseManifestInput,
    {
      ...manifest,
      owner: 'group:ML/Platform',
      sourceLocation: 'url:https://github.com/acme/x/tree/main/',
    },
  ],
  ['mlops:publish:plan', publishPlanInput, { name: 'churn-forecast' }],
  [
    'mlops:publish:local',
    publishLocalInput,
    { name: 'churn-forecast', sourcePath: 'sub', gitCommitMessage: 'First' },
  ],
  [
    'mlops:catalog:register-local',
    registerLocalInput,
    { name: 'churn-forecast', catalogInfoPath: 'sub/catalog-info.yaml' },
  ],
  [
    'mlops:usecase:record',
    useCaseRecordInput,
    {
      entityRef: 'component:default/Churn',
      templateRef: 'template:default/batch-training',
      teamRef: 'group:default/Fraud',
    },
  ],
];

describe('the published JSON Schema refuses nothing the handler accepts', () => {
  it.each(HANDLER_ACCEPTS)('%s with %j', (actionId, handlerSchema, input) => {
    expect(handlerSchema(z).safeParse(input).success).toBe(true);
    expect(scaffolderValidation(actionId, input)).toEqual([]);
  });
});
