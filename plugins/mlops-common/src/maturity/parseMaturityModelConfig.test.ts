import { defaultMaturityModel } from './defaultMaturityModel';
import { evaluateMaturity } from './evaluateMaturity';
import { MaturityModelError } from './MaturityModelError';
import { parseMaturityModelConfig } from './parseMaturityModelConfig';
import {
  declaredDefaultModel,
  levelOneEntity,
  levelTwoEntity,
  mlEntity,
} from './testing/entities';

// These tests are about what config changes; declarations count so levels follow annotations.
const declared = (config: unknown) =>
  parseMaturityModelConfig(config, declaredDefaultModel);

const errorOf = (config: unknown) => {
  try {
    parseMaturityModelConfig(config);
  } catch (error) {
    return error as MaturityModelError;
  }
  throw new Error('expected the config to be rejected');
};

describe('parseMaturityModelConfig', () => {
  it('returns the default model when nothing is configured', () => {
    expect(parseMaturityModelConfig(undefined)).toBe(defaultMaturityModel);
  });

  it('renames and adds levels', () => {
    const model = declared({
      levels: [{ level: 2, name: 'Self-serve' }],
    });
    expect(model.levels.map(l => l.name)).toEqual([
      'Manual',
      'Automated',
      'Self-serve',
    ]);
    expect(evaluateMaturity(levelTwoEntity(), model).levelName).toBe(
      'Self-serve',
    );
  });

  it('adds a new level with its checks', () => {
    const model = declared({
      levels: [{ level: 3, name: 'Autonomous' }],
      checks: [
        {
          id: 'auto-tuning',
          title: 'Automatic hyperparameter tuning',
          level: 3,
          remediation: 'Add a tuning step',
          condition: {
            'metadata.annotations.example.com/tuning': { $exists: true },
          },
        },
      ],
    });
    const entity = levelTwoEntity();
    expect(evaluateMaturity(entity, model).level).toBe(2);
    entity.metadata.annotations!['example.com/tuning'] = 'optuna';
    expect(evaluateMaturity(entity, model)).toMatchObject({
      level: 3,
      levelName: 'Autonomous',
    });
  });

  it('overrides fields of a default check by id, keeping the rest', () => {
    const model = declared({
      checks: [
        {
          id: 'llm-model-provider',
          condition: {
            'metadata.annotations.landingzone.ml/model-provider': {
              $in: ['self-hosted'],
            },
          },
        },
      ],
    });
    const check = model.checks.find(c => c.id === 'llm-model-provider')!;
    expect(check.title).toBe('Approved model provider');
    const azure = mlEntity({
      type: 'llm-app',
      annotations: { 'landingzone.ml/model-provider': 'azure-openai' },
    });
    const result = evaluateMaturity(azure, model).checks.find(
      c => c.id === 'llm-model-provider',
    );
    expect(result?.passed).toBe(false);
  });

  it('makes a check advisory', () => {
    const model = declared({
      checks: [{ id: 'model-card', required: false }],
    });
    const entity = levelOneEntity();
    delete entity.metadata.annotations!['landingzone.ml/model-card'];
    expect(evaluateMaturity(entity, declaredDefaultModel).level).toBe(0);
    expect(evaluateMaturity(entity, model).level).toBe(1);
  });

  it('disables checks', () => {
    const model = declared({ disabledChecks: ['docs', 'model-card'] });
    expect(model.checks.map(c => c.id)).not.toContain('docs');
    const entity = levelOneEntity();
    delete entity.metadata.annotations!['backstage.io/techdocs-ref'];
    expect(evaluateMaturity(entity, model).level).toBe(1);
  });

  it('chooses which entities count as ML', () => {
    const model = declared({
      entityFilter: { kinds: ['Component', 'Resource'], types: ['model'] },
    });
    expect(model.entityFilter).toEqual({
      kinds: ['Component', 'Resource'],
      types: ['model'],
    });
  });

  it.each<[string, unknown, string]>([
    ['a non-object', 'yes', 'mlops.maturity'],
    ['an unknown top-level key', { chekcs: [] }, 'mlops.maturity.chekcs'],
    [
      'levels that are not a list',
      { levels: { name: 'x' } },
      'mlops.maturity.levels',
    ],
    [
      'a level without a name',
      { levels: [{ level: 1 }] },
      'mlops.maturity.levels[0].name',
    ],
    [
      'a negative level',
      { levels: [{ level: -1, name: 'x' }] },
      'mlops.maturity.levels[0].level',
    ],
    [
      'a gap between levels',
      { levels: [{ level: 4, name: 'x' }] },
      'mlops.maturity.levels',
    ],
    [
      'an unsupported operator',
      {
        checks: [
          { id: 'docs' },
          { id: 'owner' },
          { id: 'ci' },
          { id: 'cd', condition: { 'spec.replicas': { $gt: 1 } } },
        ],
      },
      'mlops.maturity.checks[3].condition.spec.replicas.$gt',
    ],
    [
      'an invalid appliesTo',
      { checks: [{ id: 'docs', appliesTo: { $or: [] } }] },
      'mlops.maturity.checks[0].appliesTo.$or',
    ],
    [
      'a new check without a condition',
      { checks: [{ id: 'new-one', title: 'x', level: 1, remediation: 'y' }] },
      'mlops.maturity.checks[0].condition',
    ],
    [
      'a bad check id',
      { checks: [{ id: 'Bad Id' }] },
      'mlops.maturity.checks[0].id',
    ],
    [
      'a check on a missing level',
      { checks: [{ id: 'docs', level: 7 }] },
      "mlops.maturity.checks (check 'docs')",
    ],
    [
      'a non-boolean required',
      { checks: [{ id: 'docs', required: 'no' }] },
      'mlops.maturity.checks[0].required',
    ],
    [
      'an unknown check field',
      { checks: [{ id: 'docs', weight: 2 }] },
      'mlops.maturity.checks[0].weight',
    ],
    [
      'a check configured twice',
      { checks: [{ id: 'docs' }, { id: 'docs' }] },
      'mlops.maturity.checks[1].id',
    ],
    [
      'an unknown disabled check',
      { disabledChecks: ['docs', 'nope'] },
      'mlops.maturity.disabledChecks[1]',
    ],
    [
      'disabling every required check of a level',
      {
        disabledChecks: [
          'cd',
          'validation-gate',
          'monitoring',
          'drift-detection',
          'retraining-trigger',
          'rollback',
          'lineage',
          'progressive-rollout',
          'llm-deployed-evaluation',
        ],
      },
      'mlops.maturity.checks',
    ],
    [
      'a fact without a type',
      { checks: [{ id: 'docs', fact: { within: 'P1D' } }] },
      'mlops.maturity.checks[0].fact.type',
    ],
    [
      'a window that is no ISO-8601 duration',
      {
        checks: [
          { id: 'docs', fact: { type: 'repository', within: '30 days' } },
        ],
      },
      'mlops.maturity.checks[0].fact.within',
    ],
    [
      'an unknown operator in a fact condition',
      {
        checks: [
          {
            id: 'docs',
            fact: { type: 'evaluation', where: { 'data.score': { $gt: 1 } } },
          },
        ],
      },
      'mlops.maturity.checks[0].fact.where.data.score.$gt',
    ],
    [
      'an unknown fact key',
      { checks: [{ id: 'docs', fact: { type: 'ci-run', windo: 'P1D' } }] },
      'mlops.maturity.checks[0].fact.windo',
    ],
    [
      'an unknown version rule',
      {
        checks: [
          {
            id: 'rollback',
            fact: { type: 'model-version', version: 'latest' },
          },
        ],
      },
      'mlops.maturity.checks[0].fact.version',
    ],
    [
      'a new check with neither condition nor fact',
      { checks: [{ id: 'x', title: 'X', level: 1, remediation: 'r' }] },
      'mlops.maturity.checks[0].condition',
    ],
    [
      'an unknown evidence mode',
      { evidence: 'trusted' },
      'mlops.maturity.evidence',
    ],
    [
      'entity kinds that are not strings',
      { entityFilter: { kinds: [1] } },
      'mlops.maturity.entityFilter.kinds[0]',
    ],
    [
      'an unknown entity filter key',
      { entityFilter: { type: ['x'] } },
      'mlops.maturity.entityFilter.type',
    ],
  ])('rejects %s, naming %s', (_what, config, where) => {
    const error = errorOf(config);
    expect(error).toBeInstanceOf(MaturityModelError);
    expect(error.where).toBe(where);
    expect(error.message.startsWith(`${where}: `)).toBe(true);
  });

  it('explains what was expected', () => {
    expect(
      errorOf({ checks: [{ id: 'cd', condition: { 'spec.x': { $gt: 1 } } }] })
        .message,
    ).toBe(
      'mlops.maturity.checks[0].condition.spec.x.$gt: unsupported operator $gt; supported: $exists, $in, $contains, $hasPrefix',
    );
  });
});

describe('facts and evidence in config', () => {
  it('reads a check on a fact with a window and a data condition, and the evidence mode', () => {
    const model = parseMaturityModelConfig({
      evidence: 'declared',
      checks: [
        {
          id: 'champion',
          title: 'A champion model',
          level: 1,
          remediation: 'Alias a version as champion.',
          fact: {
            type: 'model-version',
            within: 'P90D',
            where: { 'data.aliases': { $contains: 'champion' } },
          },
        },
        {
          id: 'docs',
          fact: {
            type: 'repository',
            where: { 'data.files': { $contains: 'mkdocs.yml' } },
          },
        },
      ],
    });
    expect(model.evidence).toBe('declared');
    const champion = model.checks.find(c => c.id === 'champion');
    expect(champion?.fact).toEqual({
      type: 'model-version',
      within: 'P90D',
      where: { 'data.aliases': { $contains: 'champion' } },
    });
    expect(champion?.condition).toBeUndefined();
    // Overriding a default check keeps its declaration and adds the fact.
    const docs = model.checks.find(c => c.id === 'docs');
    expect(docs?.condition).toEqual(
      defaultMaturityModel.checks.find(c => c.id === 'docs')?.condition,
    );
    expect(docs?.fact?.type).toBe('repository');
  });

  it('drops a default fact with null, so a check is judged on its declaration again', () => {
    const model = parseMaturityModelConfig({
      checks: [{ id: 'ci', fact: null }],
    });
    expect(model.checks.find(c => c.id === 'ci')?.fact).toBeUndefined();
  });
});
