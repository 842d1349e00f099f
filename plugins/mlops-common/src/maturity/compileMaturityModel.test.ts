import { compileMaturityModel } from './compileMaturityModel';
import { defaultMaturityModel } from './defaultMaturityModel';
import { MaturityModelError } from './MaturityModelError';
import {
  declaredDefaultModel,
  levelOneEntity,
  levelTwoEntity,
  mlEntity,
} from './testing/entities';
import type { MaturityModel } from './types';

const compiled = compileMaturityModel(declaredDefaultModel);

describe('compileMaturityModel', () => {
  it('summarize agrees with evaluate on level, score and failing checks', () => {
    for (const entity of [
      mlEntity(),
      levelOneEntity('llm-app'),
      levelTwoEntity(),
    ]) {
      const full = compiled.evaluate(entity);
      const summary = compiled.summarize(entity);
      expect(summary.level).toBe(full.level);
      expect(summary.score).toBe(full.score);
      expect(summary.failingChecks).toEqual(
        full.checks.filter(c => !c.passed).map(c => c.id),
      );
      expect(summary.progress).toEqual(
        full.progress.map(({ level, passed, total }) => ({
          level,
          passed,
          total,
        })),
      );
    }
  });

  it('reports malformed evidence, fails the reading check and names the field', () => {
    const entity = levelTwoEntity('llm-app');
    Object.assign(entity.metadata.annotations!, {
      'landingzone.ml/gpu-budget': 'lots',
      'landingzone.ml/retraining-trigger': 'sometimes',
    });
    (entity.spec as Record<string, unknown>).dependsOn = 'resource:default/ds';
    const result = compiled.evaluate(entity);
    expect(result.warnings).toEqual([
      {
        path: 'metadata.annotations.landingzone.ml/retraining-trigger',
        message:
          "annotation landingzone.ml/retraining-trigger is 'sometimes', expected a comma-separated list of: schedule, drift",
      },
      {
        path: 'metadata.annotations.landingzone.ml/gpu-budget',
        message:
          'annotation landingzone.ml/gpu-budget is \'lots\', expected a number ≥ 0 as a string, e.g. "120"',
      },
      {
        path: 'spec.dependsOn',
        message:
          "spec.dependsOn is 'resource:default/ds', expected a list of entity refs (strings)",
      },
    ]);
    const failing = result.checks.filter(c => !c.passed);
    expect(failing.map(c => c.id)).toEqual([
      'llm-gpu-budget',
      'retraining-trigger',
      'lineage',
    ]);
    expect(failing[0].reason).toBe(result.warnings[1].message);
    expect(result.level).toBe(0);
    expect(compiled.summarize(entity).warnings).toEqual(result.warnings);
  });

  it('reports annotations that are not strings', () => {
    const entity = mlEntity({
      annotations: { 'landingzone.ml/ci': { tool: 'gha' } },
    });
    expect(compiled.summarize(entity).warnings).toEqual([
      {
        path: 'metadata.annotations.landingzone.ml/ci',
        message:
          'annotation landingzone.ml/ci is {"tool":"gha"}, expected a non-empty string',
      },
    ]);
  });

  it('has no warnings for well-formed entities', () => {
    expect(compiled.summarize(levelTwoEntity('llm-app')).warnings).toEqual([]);
  });

  it.each([
    [{ kind: 'Component', spec: { type: 'ml-model' } }, true],
    [{ kind: 'component', spec: { type: 'LLM-App' } }, true],
    [{ kind: 'Component', spec: { type: 'service' } }, false],
    [{ kind: 'Resource', spec: { type: 'ml-model' } }, false],
    [{ kind: 'Component' }, false],
    [null, false],
    ['Component', false],
  ])('isMlEntity(%j) is %s', (entity, expected) => {
    expect(compiled.isMlEntity(entity)).toBe(expected);
  });

  it('accepts every type of the kinds when types is empty', () => {
    const model = {
      ...defaultMaturityModel,
      entityFilter: { kinds: ['Component'], types: [] },
    };
    expect(compileMaturityModel(model).isMlEntity({ kind: 'Component' })).toBe(
      true,
    );
  });

  it.each<[string, Partial<MaturityModel>, string]>([
    ['no levels', { levels: [] }, 'levels'],
    [
      'a duplicate id',
      {
        checks: [
          defaultMaturityModel.checks[0],
          defaultMaturityModel.checks[0],
        ],
      },
      'checks[1].id',
    ],
    [
      'a bad predicate',
      {
        checks: [
          {
            ...defaultMaturityModel.checks[0],
            condition: { $any: [{ x: { $gt: 1 } }] } as never,
          },
          ...defaultMaturityModel.checks.slice(1),
        ],
      },
      'checks[0].condition.$any[0].x.$gt',
    ],
    [
      'an unknown evidence format',
      { evidenceFormats: { 'spec.x': { type: 'date' } as never } },
      "evidenceFormats['spec.x']",
    ],
  ])('rejects a model with %s', (_what, change, where) => {
    expect(() =>
      compileMaturityModel({ ...defaultMaturityModel, ...change }),
    ).toThrow(
      expect.objectContaining({ where, constructor: MaturityModelError }),
    );
  });
});
