import { evaluateMaturity } from './evaluateMaturity';
import { defaultMaturityModel } from './defaultMaturityModel';
import {
  declaredDefaultModel,
  LEVEL_ONE_ANNOTATIONS,
  LEVEL_TWO_ANNOTATIONS,
  levelOneEntity,
  levelTwoEntity,
  mlEntity,
} from './testing/entities';
import type { Entity } from '@backstage/catalog-model';

const checkOf = (entity: Entity, id: string) =>
  evaluateMaturity(entity, declaredDefaultModel).checks.find(c => c.id === id);

const withAnnotations = (
  annotations: Record<string, unknown>,
  type = 'ml-model',
) => mlEntity({ type, annotations });

/**
 * Every default check: which evidence makes it pass. Each row is tested both ways: the
 * evidence alone passes the check, and an entity without it fails the check.
 */
const evidenceByCheck: Array<[string, Record<string, unknown>, string]> = [
  [
    'source-control',
    { 'backstage.io/source-location': 'url:https://x/y' },
    'ml-model',
  ],
  ['source-control', { 'github.com/project-slug': 'acme/scorer' }, 'ml-model'],
  ['source-control', { 'gitlab.com/project-slug': 'acme/scorer' }, 'ml-model'],
  ['docs', { 'backstage.io/techdocs-ref': 'dir:.' }, 'ml-model'],
  [
    'golden-path-template',
    { 'backstage.io/source-template': 'template:default/batch-training' },
    'ml-model',
  ],
  [
    'container-image',
    { 'landingzone.ml/container-image': 'registry/x' },
    'ml-model',
  ],
  ['ci', { 'landingzone.ml/ci': 'github-actions' }, 'ml-model'],
  ['ci', { 'github.com/project-slug': 'acme/scorer' }, 'ml-model'],
  ['ci', { 'jenkins.io/job-full-name': 'ml/scorer' }, 'ml-model'],
  [
    'experiment-tracking',
    { 'landingzone.ml/experiment-tracking': 'mlflow' },
    'ml-model',
  ],
  ['experiment-tracking', { 'mlflow.org/experiment': 'fraud' }, 'ml-model'],
  [
    'training-pipeline',
    { 'landingzone.ml/training-pipeline': 'airflow' },
    'ml-model',
  ],
  ['training-pipeline', { 'janus-idp.io/tekton': 'train' }, 'ml-model'],
  ['model-registry', { 'landingzone.ml/model-registry': 'mlflow' }, 'ml-model'],
  [
    'data-validation',
    { 'landingzone.ml/data-validation': 'great-expectations' },
    'ml-model',
  ],
  [
    'model-card',
    { 'landingzone.ml/model-card': 'docs/model-card.md' },
    'ml-model',
  ],
  ['cd', { 'landingzone.ml/cd': 'argocd' }, 'ml-model'],
  ['cd', { 'argocd/app-selector': 'app=scorer' }, 'ml-model'],
  ['cd', { 'argocd/app-name': 'scorer' }, 'ml-model'],
  ['validation-gate', { 'landingzone.ml/validation-gate': 'true' }, 'ml-model'],
  ['monitoring', { 'landingzone.ml/monitoring': 'prometheus' }, 'ml-model'],
  ['monitoring', { 'grafana/dashboard-selector': 'title == "x"' }, 'ml-model'],
  ['monitoring', { 'prometheus.io/rule': 'up' }, 'ml-model'],
  [
    'drift-detection',
    { 'landingzone.ml/drift-detection': 'evidently' },
    'ml-model',
  ],
  [
    'retraining-trigger',
    { 'landingzone.ml/retraining-trigger': 'schedule' },
    'ml-model',
  ],
  [
    'retraining-trigger',
    { 'landingzone.ml/retraining-trigger': 'drift' },
    'ml-model',
  ],
  [
    'retraining-trigger',
    { 'landingzone.ml/retraining-trigger': 'schedule, drift' },
    'ml-model',
  ],
  ['rollback', { 'landingzone.ml/rollback': 'true' }, 'ml-model'],
  [
    'progressive-rollout',
    { 'landingzone.ml/rollout-strategy': 'canary' },
    'ml-model',
  ],
  [
    'progressive-rollout',
    { 'landingzone.ml/rollout-strategy': 'blue-green' },
    'ml-model',
  ],
  [
    'kubernetes-deployment',
    { 'backstage.io/kubernetes-id': 'scorer' },
    'ml-model',
  ],
  [
    'llm-evaluation-harness',
    { 'landingzone.ml/evaluation-harness': 'ragas' },
    'llm-app',
  ],
  [
    'llm-deployed-evaluation',
    { 'landingzone.ml/evaluation-harness': 'ragas' },
    'llm-app',
  ],
  ['llm-data-residency', { 'landingzone.ml/data-residency': 'ca' }, 'llm-app'],
  ['llm-gpu-budget', { 'landingzone.ml/gpu-budget': '0' }, 'llm-app'],
  ['llm-gpu-budget', { 'landingzone.ml/gpu-budget': '12.5' }, 'llm-app'],
  [
    'llm-model-provider',
    { 'landingzone.ml/model-provider': 'aws-bedrock' },
    'llm-app',
  ],
  [
    'llm-model-provider',
    { 'landingzone.ml/model-provider': 'Self-Hosted' },
    'llm-app',
  ],
];

describe('default maturity model checks', () => {
  it.each(evidenceByCheck)('%s passes with %j', (id, annotations, type) => {
    const result = checkOf(withAnnotations(annotations, type), id);
    expect(result?.passed).toBe(true);
    expect(result?.reason).toContain(`${Object.keys(annotations)[0]} is`);
  });

  it.each(evidenceByCheck)('%s fails without %j', (id, _annotations, type) => {
    const result = checkOf(withAnnotations({}, type), id);
    expect(result?.passed).toBe(false);
    expect(result?.reason).toMatch(/is not set/);
  });

  it('covers every default check in the table above', () => {
    const tested = new Set(evidenceByCheck.map(([id]) => id));
    const untested = defaultMaturityModel.checks
      .map(c => c.id)
      .filter(id => !tested.has(id) && id !== 'owner' && id !== 'lineage');
    expect(untested).toEqual([]);
  });

  it('owner passes with spec.owner and fails without it', () => {
    expect(checkOf(mlEntity(), 'owner')?.passed).toBe(true);
    const ownerless = mlEntity({ spec: { owner: undefined } });
    expect(checkOf(ownerless, 'owner')).toMatchObject({
      passed: false,
      reason: 'spec.owner is not set',
    });
  });

  it('lineage passes with spec.dependsOn or a dependsOn relation', () => {
    expect(checkOf(mlEntity(), 'lineage')?.passed).toBe(false);
    expect(
      checkOf(
        mlEntity({ spec: { dependsOn: ['resource:default/ds'] } }),
        'lineage',
      )?.passed,
    ).toBe(true);
    expect(
      checkOf(mlEntity({ spec: { dependsOn: [] } }), 'lineage')?.passed,
    ).toBe(false);
    const stitched = {
      ...mlEntity(),
      relations: [{ type: 'dependsOn', targetRef: 'resource:default/ds' }],
    };
    expect(checkOf(stitched, 'lineage')?.passed).toBe(true);
  });

  it('treats negations like "false" as missing evidence', () => {
    const result = checkOf(
      withAnnotations({ 'landingzone.ml/rollback': 'false' }),
      'rollback',
    );
    expect(result?.passed).toBe(false);
  });

  it('fails the provider check for a provider outside the approved list', () => {
    const result = checkOf(
      withAnnotations(
        { 'landingzone.ml/model-provider': 'some-startup' },
        'llm-app',
      ),
      'llm-model-provider',
    );
    expect(result?.passed).toBe(false);
    expect(result?.reason).toContain(
      "'some-startup', expected one of 'azure-openai'",
    );
  });

  it('applies the LLM group only to llm-app entities', () => {
    const ids = (e: Entity) =>
      evaluateMaturity(e, declaredDefaultModel).checks.map(c => c.id);
    expect(ids(mlEntity({ type: 'ml-model' }))).not.toContain('llm-gpu-budget');
    expect(ids(mlEntity({ type: 'llm-app' }))).toContain('llm-gpu-budget');
  });
});

describe('default maturity levels', () => {
  it('puts an entity without evidence at Level 0 (Manual)', () => {
    const result = evaluateMaturity(
      mlEntity({ spec: { owner: undefined } }),
      declaredDefaultModel,
    );
    expect(result).toMatchObject({ level: 0, levelName: 'Manual', score: 0 });
    expect(result.nextLevel?.missingChecks).toContain('container-image');
  });

  it.each(['ml-model', 'ml-pipeline', 'ml-service', 'llm-app'])(
    'puts a freshly templated %s at Level 1 (Automated)',
    type => {
      const result = evaluateMaturity(
        levelOneEntity(type),
        declaredDefaultModel,
      );
      expect(result).toMatchObject({
        level: 1,
        levelName: 'Automated',
        nextLevel: { level: 2 },
      });
      expect(result.checks.filter(c => c.level === 1 && !c.passed)).toEqual([]);
    },
  );

  it('keeps Level 0 when a single required Level 1 check fails', () => {
    const { 'landingzone.ml/model-card': _, ...rest } = LEVEL_ONE_ANNOTATIONS;
    const result = evaluateMaturity(
      withAnnotations(rest),
      declaredDefaultModel,
    );
    expect(result.level).toBe(0);
    expect(result.nextLevel?.missingChecks).toEqual(['model-card']);
  });

  it('keeps an llm-app at Level 0 without its LLM evidence', () => {
    const result = evaluateMaturity(
      withAnnotations(LEVEL_ONE_ANNOTATIONS, 'llm-app'),
      declaredDefaultModel,
    );
    expect(result.level).toBe(0);
    expect(result.nextLevel?.missingChecks).toEqual([
      'llm-evaluation-harness',
      'llm-data-residency',
      'llm-gpu-budget',
      'llm-model-provider',
    ]);
  });

  it.each(['ml-service', 'llm-app'])(
    'puts a complete %s at Level 2 with score 100',
    type => {
      expect(
        evaluateMaturity(levelTwoEntity(type), declaredDefaultModel),
      ).toMatchObject({
        level: 2,
        levelName: 'Continuous / self-serve',
        score: 100,
        nextLevel: null,
      });
    },
  );

  it('does not grant Level 2 when Level 1 is incomplete', () => {
    const { 'landingzone.ml/ci': _, ...rest } = LEVEL_ONE_ANNOTATIONS;
    const entity = mlEntity({
      annotations: { ...rest, ...LEVEL_TWO_ANNOTATIONS },
      spec: { dependsOn: ['resource:default/ds'] },
    });
    const result = evaluateMaturity(entity, declaredDefaultModel);
    expect(result.level).toBe(0);
    expect(result.progress[1]).toMatchObject({
      level: 2,
      passed: 9,
      total: 9,
      reached: false,
    });
  });

  it('reaches Level 2 without the advisory kubernetes-deployment check', () => {
    const entity = levelTwoEntity();
    delete entity.metadata.annotations!['backstage.io/kubernetes-id'];
    const result = evaluateMaturity(entity, declaredDefaultModel);
    expect(result.level).toBe(2);
    expect(result.score).toBe(95);
  });

  it('gives an existing catalog levels from ecosystem annotations alone', () => {
    const entity = withAnnotations({
      'backstage.io/source-template': 'template:default/legacy',
      'backstage.io/techdocs-ref': 'dir:.',
      'github.com/project-slug': 'acme/scorer',
      'mlflow.org/experiment': 'scorer',
      'janus-idp.io/tekton': 'scorer-train',
      'landingzone.ml/container-image': 'registry/x',
      'landingzone.ml/model-registry': 'mlflow',
      'landingzone.ml/data-validation': 'pandera',
      'landingzone.ml/model-card': 'docs/card.md',
    });
    expect(evaluateMaturity(entity, declaredDefaultModel).level).toBe(1);
  });

  it('progress counts applicable checks per level', () => {
    expect(
      evaluateMaturity(levelOneEntity(), declaredDefaultModel).progress,
    ).toEqual([
      expect.objectContaining({
        level: 1,
        passed: 11,
        total: 11,
        requiredTotal: 11,
        reached: true,
      }),
      expect.objectContaining({
        level: 2,
        passed: 0,
        total: 9,
        requiredTotal: 8,
        reached: false,
      }),
    ]);
    expect(
      evaluateMaturity(levelOneEntity('llm-app'), declaredDefaultModel)
        .progress[0],
    ).toMatchObject({
      passed: 15,
      total: 15,
    });
  });
});
