import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createGuardrailsCheckAction } from './createGuardrailsCheckAction';

const guardrailsConfig = {
  mlops: {
    guardrails: {
      residency: { health: ['ca'], pii: ['ca', 'eu'] },
      gpuBudget: {
        ceilings: { 'cpu-small': 0, 'gpu-small': 200, 'gpu-large': 1000 },
        teams: [
          { team: 'group:default/vision', ceilings: { 'gpu-large': 4000 } },
        ],
      },
      modelProviders: {
        default: ['anthropic', 'azure-openai', 'self-hosted'],
        health: ['self-hosted'],
      },
      naming: { maxLength: 30, forbiddenWords: ['test', 'tmp'] },
    },
  },
};

const group = (namespace: string, name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { namespace, name },
  spec: { type: 'team', children: [] },
});
/** The teams of the test organisation, and a user whose name looks like a team. */
const catalog = catalogServiceMock({
  entities: [
    group('default', 'fraud-analytics'),
    group('default', 'vision'),
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: { namespace: 'default', name: 'fraud-analytics' },
      spec: {},
    },
  ],
});

const valid = {
  name: 'churn-forecast',
  owner: 'group:default/fraud-analytics',
  dataClassification: 'health',
  dataResidency: 'ca',
  computeTier: 'gpu-small',
  gpuBudget: 120,
};

function run(input: Record<string, unknown>, config = guardrailsConfig) {
  const action = createGuardrailsCheckAction({
    config: mockServices.rootConfig({ data: config }),
    catalog,
  });
  const ctx = createMockActionContext({ input: input as any });
  return action.handler(ctx).then(() => ctx);
}

describe('mlops:guardrails:check', () => {
  it('passes a compliant use case and says which guardrails it checked', async () => {
    const ctx = await run(valid);
    expect(ctx.output).toHaveBeenCalledWith('passed', true);
    expect(ctx.output).toHaveBeenCalledWith('rulesChecked', [
      'residency',
      'gpuBudget',
      'modelProviders',
      'naming',
    ]);
  });

  it('applies a team override above the default ceiling', async () => {
    await expect(
      run({
        ...valid,
        owner: 'vision',
        computeTier: 'gpu-large',
        gpuBudget: 3500,
      }),
    ).resolves.toBeDefined();
  });

  it('allows everything the schema allows when no guardrails are configured', async () => {
    const ctx = await run({ ...valid, dataResidency: 'us', gpuBudget: 9999 }, {
      mlops: {},
    } as any);
    expect(ctx.output).toHaveBeenCalledWith('rulesChecked', []);
  });

  it('leaves the workspace empty when it fails', async () => {
    const workspace = createMockDirectory();
    const action = createGuardrailsCheckAction({
      config: mockServices.rootConfig({ data: guardrailsConfig }),
      catalog,
    });
    const ctx = createMockActionContext({
      input: { ...valid, dataResidency: 'us' } as any,
      workspacePath: workspace.path,
    });
    await expect(action.handler(ctx)).rejects.toThrow('Guardrail violation');
    expect(workspace.content()).toEqual({});
    expect(ctx.output).not.toHaveBeenCalled();
  });

  describe.each<[string, string, RegExp]>([
    [
      'a team that does not exist',
      'group:default/no-such-team',
      /owner: expected a Group in the catalog, found no entity "group:default\/no-such-team"/,
    ],
    [
      'a known team name in another namespace',
      'group:evil/fraud-analytics',
      /owner: expected a Group in the catalog, found no entity "group:evil\/fraud-analytics"/,
    ],
    [
      'a bare name of a team that does not exist',
      'no-such-team',
      /owner: expected a Group in the catalog, found no entity "group:default\/no-such-team"/,
    ],
  ])('refuses %s as owner', (_label, owner, message) => {
    it('names the field and writes nothing', async () => {
      const workspace = createMockDirectory();
      const action = createGuardrailsCheckAction({
        config: mockServices.rootConfig({ data: guardrailsConfig }),
        catalog,
      });
      const ctx = createMockActionContext({
        input: { ...valid, owner } as any,
        workspacePath: workspace.path,
      });
      await expect(action.handler(ctx)).rejects.toThrow(message);
      expect(workspace.content()).toEqual({});
      expect(ctx.output).not.toHaveBeenCalled();
    });
  });

  it('looks the owner up as the user who runs the template sees the catalog', async () => {
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    const ctx = await run(valid);
    expect(getEntityByRef).toHaveBeenCalledWith(
      'group:default/fraud-analytics',
      { credentials: await ctx.getInitiatorCredentials() },
    );
    getEntityByRef.mockRestore();
  });

  describe.each<[string, Record<string, unknown>, RegExp]>([
    // guardrails: field, rule and allowed values in one message
    [
      'health data outside Canada',
      { dataResidency: 'us' },
      /dataResidency "us" is not allowed for data classified "health" \(rule mlops\.guardrails\.residency\.health; allowed: ca\)/,
    ],
    [
      'pii data outside its regions',
      { dataClassification: 'pii', dataResidency: 'us-east' },
      /dataResidency "us-east".*rule mlops\.guardrails\.residency\.pii; allowed: ca, eu/,
    ],
    [
      'GPU budget above the tier ceiling',
      { gpuBudget: 201 },
      /gpuBudget 201 exceeds the ceiling for compute tier "gpu-small".*rule mlops\.guardrails\.gpuBudget\.ceilings\.gpu-small; allowed: 0 to 200 GPU-hours/,
    ],
    [
      'GPU budget on a CPU tier',
      { computeTier: 'cpu-small', gpuBudget: 1 },
      /gpuBudget 1 .*cpu-small.*allowed: 0 to 0/,
    ],
    [
      'GPU budget above the team override',
      {
        owner: 'group:default/vision',
        computeTier: 'gpu-large',
        gpuBudget: 4001,
      },
      /rule mlops\.guardrails\.gpuBudget\.teams\[group:default\/vision\]\.ceilings\.gpu-large; allowed: 0 to 4000/,
    ],
    [
      'unapproved provider for health data',
      { modelProvider: 'anthropic' },
      /modelProvider "anthropic" is not approved for data classified "health" \(rule mlops\.guardrails\.modelProviders\.health; allowed: self-hosted\)/,
    ],
    [
      'provider outside the default list',
      { dataClassification: 'internal', modelProvider: 'shadow-ai' },
      /modelProvider "shadow-ai".*rule mlops\.guardrails\.modelProviders\.default; allowed: anthropic, azure-openai, self-hosted/,
    ],
    [
      'a reserved word in the name',
      { name: 'churn-test' },
      /name "churn-test" contains the reserved word\(s\) test \(rule mlops\.guardrails\.naming\.forbiddenWords/,
    ],
    [
      'a name longer than the naming rule',
      { name: 'a'.repeat(31) },
      /name "a{31}" has 31 characters \(rule mlops\.guardrails\.naming\.maxLength; allowed: at most 30 characters\)/,
    ],
    // schema
    ['a missing name', { name: undefined }, /name: is required/],
    [
      'a name with capitals',
      { name: 'Churn' },
      /name: expected lowercase letters/,
    ],
    [
      'a name with a path separator',
      { name: '../evil' },
      /name: expected lowercase letters/,
    ],
    [
      'a name with a slash',
      { name: 'a/b-c' },
      /name: expected lowercase letters/,
    ],
    [
      'a too short name',
      { name: 'ab' },
      /name: expected at least 3 characters/,
    ],
    [
      'an oversized name',
      { name: 'a'.repeat(64) },
      /name: expected at most 63 characters/,
    ],
    [
      'a name with a zero-width space',
      { name: 'churn\u200bx' },
      /name: expected lowercase letters/,
    ],
    [
      'a name with Cyrillic lookalikes',
      { name: 'сhurn' },
      /name: expected lowercase letters/,
    ],
    ['a name that is a number', { name: 42 }, /name: expected a string/],
    [
      'an owner that is not a ref',
      { owner: 'team with spaces' },
      /owner: expected a group entity reference/,
    ],
    [
      'an unknown classification',
      { dataClassification: 'secret' },
      /dataClassification: expected one of public, internal, confidential, health, pii/,
    ],
    [
      'a region that is not a code',
      { dataResidency: 'Canada' },
      /dataResidency: expected a region code/,
    ],
    [
      'a region with a newline',
      { dataResidency: 'ca\n' },
      /dataResidency: expected a region code/,
    ],
    [
      'an unknown compute tier',
      { computeTier: 'tpu' },
      /computeTier: expected one of cpu-small/,
    ],
    ['a budget as text', { gpuBudget: '100' }, /gpuBudget: expected a number/],
    [
      'a negative budget',
      { gpuBudget: -1 },
      /gpuBudget: expected a number of GPU-hours per month, 0 or more/,
    ],
    [
      'an oversized budget',
      { gpuBudget: 1e9 },
      /gpuBudget: expected at most 100000/,
    ],
    [
      'an infinite budget',
      { gpuBudget: Infinity },
      /gpuBudget: expected a finite number/,
    ],
    [
      'a provider with spaces',
      { modelProvider: 'open ai' },
      /modelProvider: expected a provider id/,
    ],
    [
      'an unexpected field',
      { repoUrl: 'github.com?owner=x' },
      /\(input\): unexpected field\(s\) repoUrl/,
    ],
  ])('rejects %s', (_label, change, message) => {
    it('with a message naming the field', async () => {
      await expect(run({ ...valid, ...change })).rejects.toThrow(message);
    });
  });

  it('reports every violated guardrail at once', async () => {
    await expect(
      run({
        ...valid,
        dataResidency: 'eu',
        gpuBudget: 500,
        modelProvider: 'anthropic',
      }),
    ).rejects.toThrow(/dataResidency.*; gpuBudget.*; modelProvider/);
  });

  it('refuses to start with a naming pattern that is not a regular expression', () => {
    expect(() =>
      createGuardrailsCheckAction({
        config: mockServices.rootConfig({
          data: { mlops: { guardrails: { naming: { pattern: '([' } } } },
        }),
        catalog,
      }),
    ).toThrow(
      'mlops.guardrails.naming.pattern is not a valid regular expression',
    );
  });
});
