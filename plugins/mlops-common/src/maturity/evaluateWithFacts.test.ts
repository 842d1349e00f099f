import { compileMaturityModel } from './compileMaturityModel';
import { defaultMaturityModel } from './defaultMaturityModel';
import { evaluateMaturity } from './evaluateMaturity';
import { parseMaturityModelConfig } from './parseMaturityModelConfig';
import {
  factOf,
  levelOneEntity,
  levelOneFacts,
  levelTwoEntity,
  mlEntity,
  NOW,
} from './testing/entities';
import type { MaturityModel, ObservedFact } from './types';

const DAY = 86_400_000;
const declaredModel: MaturityModel = {
  ...defaultMaturityModel,
  evidence: 'declared',
};

const check = (
  entity: unknown,
  id: string,
  facts: ObservedFact[] = [],
  model: MaturityModel = defaultMaturityModel,
  now = NOW,
) => {
  const found = evaluateMaturity(entity, model, { facts, now }).checks.find(
    c => c.id === id,
  );
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('evidence status of a check', () => {
  it('is observed when a fresh matching fact exists, naming its source and time', () => {
    const run = factOf(
      'training-run',
      { runId: 'r9' },
      { daysAgo: 3, source: 'mlflow', id: 'r9' },
    );
    const result = check(mlEntity(), 'experiment-tracking', [run]);
    expect(result.passed).toBe(true);
    expect(result.evidence).toEqual({
      status: 'observed',
      observable: true,
      selfDeclared: false,
      fact: {
        type: 'training-run',
        source: 'mlflow',
        id: 'r9',
        observedAt: run.observedAt,
      },
    });
    expect(result.reason).toBe(
      'observed: training-run r9 from mlflow, 3 days ago',
    );
  });

  it('is declared when only the annotation says so: fails in observed mode, counts self-declared in declared mode', () => {
    const entity = mlEntity({
      annotations: { 'mlflow.org/experiment-name': 'fraud' },
    });
    const observedMode = check(entity, 'experiment-tracking');
    expect(observedMode.evidence.status).toBe('declared');
    expect(observedMode.passed).toBe(false);
    expect(observedMode.evidence.selfDeclared).toBe(false);
    expect(observedMode.reason).toContain('self-declared');

    const declaredMode = check(
      entity,
      'experiment-tracking',
      [],
      declaredModel,
    );
    expect(declaredMode.passed).toBe(true);
    expect(declaredMode.evidence.selfDeclared).toBe(true);
  });

  it('is contradicted when declared but the collector found nothing', () => {
    const entity = mlEntity({
      annotations: { 'mlflow.org/experiment': 'fraud' },
    });
    const notFound = factOf(
      'training-run',
      { found: false, experiment: 'fraud' },
      { source: 'mlflow', id: 'fraud/not-found' },
    );
    for (const model of [defaultMaturityModel, declaredModel]) {
      const result = check(entity, 'experiment-tracking', [notFound], model);
      expect(result.evidence.status).toBe('contradicted');
      expect(result.passed).toBe(false);
      expect(result.reason).toContain('mlflow found none');
    }
    // Without the declaration, the same fact only means nothing was observed.
    expect(
      check(mlEntity(), 'experiment-tracking', [notFound]).evidence.status,
    ).toBe('missing');
  });

  it('is contradicted when a newer "not found" follows an earlier observation', () => {
    const entity = mlEntity({
      annotations: { 'mlflow.org/experiment': 'fraud' },
    });
    const facts = [
      factOf('training-run', { runId: 'r1' }, { daysAgo: 5, id: 'r1' }),
      factOf(
        'training-run',
        { found: false },
        { daysAgo: 1, id: 'gone', source: 'mlflow' },
      ),
    ];
    expect(check(entity, 'experiment-tracking', facts).evidence.status).toBe(
      'contradicted',
    );
  });

  it('is contradicted when the source observed something else than declared', () => {
    const entity = mlEntity({ annotations: { 'landingzone.ml/cd': 'argocd' } });
    const staging = factOf(
      'deployment',
      { environment: 'staging', version: '3' },
      { source: 'argocd' },
    );
    const result = check(entity, 'cd', [staging]);
    expect(result.evidence.status).toBe('contradicted');
    expect(result.reason).toContain("data.environment is 'staging'");
  });

  it('is stale when the latest matching fact is older than the window', () => {
    const old = factOf('training-run', { runId: 'r1' }, { daysAgo: 31 });
    const result = check(mlEntity(), 'experiment-tracking', [old]);
    expect(result.evidence.status).toBe('stale');
    expect(result.passed).toBe(false);
    expect(result.reason).toContain('needs one within P30D');
    // Stale is stale in declared mode too: the source has spoken.
    expect(
      check(levelOneEntity(), 'experiment-tracking', [old], declaredModel)
        .passed,
    ).toBe(false);
  });

  it('is missing when nothing is declared or observed', () => {
    const result = check(mlEntity(), 'model-registry');
    expect(result.evidence).toEqual({
      status: 'missing',
      observable: true,
      selfDeclared: false,
    });
    expect(result.reason).toContain('no model-version observed');
  });

  it('marks checks no source can observe as declared and counts them in observed mode', () => {
    const result = check(levelOneEntity(), 'owner');
    expect(result.evidence).toEqual({
      status: 'declared',
      observable: false,
      selfDeclared: false,
    });
    expect(result.passed).toBe(true);
  });

  it('judges a condition on the fact data (green CI run, image built)', () => {
    const failed = factOf(
      'ci-run',
      { status: 'failure', commit: 'a' },
      { id: 'c2' },
    );
    expect(check(mlEntity(), 'ci', [failed]).evidence.status).toBe('missing');
    const green = factOf(
      'ci-run',
      { status: 'success', commit: 'a' },
      { daysAgo: 1, id: 'c1' },
    );
    expect(check(mlEntity(), 'ci', [failed, green]).evidence.status).toBe(
      'observed',
    );
    // A green run without an image proves CI but not the image.
    expect(check(mlEntity(), 'container-image', [green]).evidence.status).toBe(
      'missing',
    );
  });

  it('ties evaluations and rollback to the version deployed in production', () => {
    const entity = mlEntity({
      annotations: {
        'landingzone.ml/validation-gate': 'true',
        'landingzone.ml/rollback': 'true',
      },
    });
    const deployedV3 = factOf(
      'deployment',
      { environment: 'production', version: '3' },
      { id: 'd3' },
    );
    const evalV3 = factOf(
      'evaluation',
      {
        suite: 's',
        score: 0.9,
        threshold: 0.8,
        passed: true,
        modelVersion: '3',
      },
      { id: 'e3' },
    );
    const v2 = factOf(
      'model-version',
      { registry: 'mlflow', model: 'm', version: '2', aliases: [] },
      { id: 'm2' },
    );
    const v3 = factOf(
      'model-version',
      { registry: 'mlflow', model: 'm', version: '3', aliases: ['champion'] },
      { id: 'm3' },
    );

    expect(
      check(entity, 'validation-gate', [deployedV3, evalV3]).evidence.status,
    ).toBe('observed');
    expect(
      check(entity, 'rollback', [deployedV3, v3, v2]).evidence.status,
    ).toBe('observed');
    // Only the deployed version exists: nothing to roll back to.
    expect(check(entity, 'rollback', [deployedV3, v3]).evidence.status).toBe(
      'contradicted',
    );

    const deployedV4 = factOf(
      'deployment',
      { environment: 'production', version: '4' },
      { id: 'd4' },
    );
    const gate = check(entity, 'validation-gate', [deployedV4, evalV3]);
    expect(gate.evidence.status).toBe('contradicted');
    expect(gate.reason).toContain('production runs 4');
  });

  it('requires the condition as well when the check says so', () => {
    const model = parseMaturityModelConfig({
      checks: [
        {
          id: 'champion-model',
          title: 'A champion model in the declared registry',
          level: 1,
          remediation: 'Set the champion alias.',
          condition: {
            'metadata.annotations.landingzone.ml/model-registry': {
              $exists: true,
            },
          },
          fact: {
            type: 'model-version',
            where: { 'data.aliases': { $contains: 'champion' } },
            requireCondition: true,
          },
        },
      ],
    });
    const champion = factOf('model-version', {
      version: '3',
      aliases: ['champion'],
    });
    expect(check(mlEntity(), 'champion-model', [champion], model).passed).toBe(
      false,
    );
    expect(
      check(levelOneEntity(), 'champion-model', [champion], model).passed,
    ).toBe(true);
    const challenger = factOf('model-version', {
      version: '4',
      aliases: ['challenger'],
    });
    expect(
      check(levelOneEntity(), 'champion-model', [challenger], model).evidence
        .status,
    ).toBe('contradicted');
  });

  it('ignores facts that are not facts rather than failing the evaluation', () => {
    const garbage = [
      null,
      { type: 'training-run', observedAt: 'yesterday', data: {} },
      {
        type: 'training-run',
        observedAt: new Date(NOW).toISOString(),
        data: 'x',
      },
    ] as unknown as ObservedFact[];
    expect(
      check(mlEntity(), 'experiment-tracking', garbage).evidence.status,
    ).toBe('missing');
  });
});

describe('levels from facts', () => {
  it('puts a use case created a minute ago at Level 0 with the observations it still needs', () => {
    const evaluation = evaluateMaturity(
      levelOneEntity(),
      defaultMaturityModel,
      { now: NOW },
    );
    expect(evaluation.level).toBe(0);
    expect(evaluation.nextLevel?.missingChecks.sort()).toEqual([
      'ci',
      'container-image',
      'experiment-tracking',
      'model-registry',
    ]);
    for (const id of evaluation.nextLevel!.missingChecks) {
      expect(evaluation.checks.find(c => c.id === id)?.evidence.status).toBe(
        'declared',
      );
    }
  });

  it('reaches Level 1 once the pipeline reports its training run, model version and CI run', () => {
    const evaluation = evaluateMaturity(
      levelOneEntity(),
      defaultMaturityModel,
      {
        facts: levelOneFacts(),
        now: NOW,
      },
    );
    expect(evaluation.level).toBe(1);
    expect(
      evaluation.checks
        .filter(c => c.level === 1 && c.evidence.observable)
        .map(c => c.evidence.status),
    ).toEqual(['observed', 'observed', 'observed', 'observed']);
  });

  it('drops back to Level 0 when the training run goes stale', () => {
    const compiled = compileMaturityModel(defaultMaturityModel);
    const facts = levelOneFacts();
    const entity = levelOneEntity();
    expect(compiled.summarize(entity, { facts, now: NOW }).level).toBe(1);
    // The run was 2 days old; 29 days later it is 31 days old.
    const later = NOW + 29 * DAY;
    const summary = compiled.summarize(entity, { facts, now: later });
    expect(summary.level).toBe(0);
    expect(summary.failingChecks).toContain('experiment-tracking');
    expect(
      compiled
        .evaluate(entity, { facts, now: later })
        .checks.find(c => c.id === 'experiment-tracking')?.evidence.status,
    ).toBe('stale');
  });

  it('reaches Level 2 on observations of deployment, drift, retraining, gate and rollback', () => {
    const facts = [
      ...levelOneFacts(),
      factOf(
        'deployment',
        { environment: 'production', version: '3' },
        { daysAgo: 1 },
      ),
      factOf(
        'drift-check',
        { features: { age: 0.1 }, threshold: 0.2, breached: false },
        { daysAgo: 6 },
      ),
      factOf('retraining', { trigger: 'drift', runId: 'r2' }, { daysAgo: 10 }),
      factOf('evaluation', {
        suite: 's',
        score: 0.9,
        threshold: 0.8,
        passed: true,
        modelVersion: '3',
      }),
      factOf(
        'model-version',
        { model: 'fraud', version: '2', aliases: [] },
        { daysAgo: 40, id: 'v2' },
      ),
    ];
    const compiled = compileMaturityModel(defaultMaturityModel);
    expect(
      compiled.summarize(levelTwoEntity(), { facts, now: NOW }).level,
    ).toBe(2);
    // A week later the drift check is 13 days old.
    expect(
      compiled.summarize(levelTwoEntity(), { facts, now: NOW + 7 * DAY }).level,
    ).toBe(1);
    // Declarations alone do not make Level 2 in observed mode.
    expect(
      compiled.summarize(levelTwoEntity(), { facts: levelOneFacts(), now: NOW })
        .level,
    ).toBe(1);
  });

  it('summarize agrees with evaluate and counts observed checks', () => {
    const compiled = compileMaturityModel(defaultMaturityModel);
    const context = { facts: levelOneFacts(), now: NOW };
    const summary = compiled.summarize(levelTwoEntity(), context);
    const full = compiled.evaluate(levelTwoEntity(), context);
    expect(summary.level).toBe(full.level);
    expect(summary.failingChecks).toEqual(
      full.checks.filter(c => !c.passed).map(c => c.id),
    );
    expect(summary.observable).toBe(
      full.checks.filter(c => c.evidence.observable).length,
    );
    expect(summary.observed).toBe(4);
  });

  it('in declared mode keeps the annotation levels, self-declared', () => {
    const evaluation = evaluateMaturity(levelTwoEntity(), declaredModel, {
      now: NOW,
    });
    expect(evaluation.level).toBe(2);
    expect(
      evaluation.checks.filter(c => c.evidence.selfDeclared).length,
    ).toBeGreaterThan(5);
  });
});

describe('applicability', () => {
  it('says an entity the model does not cover is not applicable instead of Level 0', () => {
    const api = { ...mlEntity(), kind: 'API' };
    const evaluation = evaluateMaturity(api);
    expect(evaluation.applicable).toBe(false);
    expect(evaluation.checks).toEqual([]);
    expect(evaluateMaturity(levelOneEntity()).applicable).toBe(true);
  });
});

describe('ecosystem shapes', () => {
  it('counts a model-catalog-bridge model server as a use case and reads mlflow.org/experiment-name', () => {
    const server = mlEntity({
      type: 'model-server',
      annotations: { 'mlflow.org/experiment-name': 'granite' },
    });
    const evaluation = evaluateMaturity(server, declaredModel, { now: NOW });
    expect(evaluation.applicable).toBe(true);
    expect(
      evaluation.checks.find(c => c.id === 'experiment-tracking')?.passed,
    ).toBe(true);
  });
});
