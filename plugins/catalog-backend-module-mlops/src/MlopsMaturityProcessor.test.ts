import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  ObservedFact,
  parseMaturityModelConfig,
} from '@landing-zone/plugin-mlops-common';
import fc from 'fast-check';
import { MlopsMaturityProcessor } from './MlopsMaturityProcessor';
import { memoryCache } from './testing/memoryCache';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

const component = (
  type: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'scorer', namespace: 'default', annotations },
  spec: { type, owner: 'group:default/fraud-ml', lifecycle: 'production' },
});

const templated = {
  'backstage.io/source-template': 'template:default/batch-training',
  'backstage.io/techdocs-ref': 'dir:.',
  'github.com/project-slug': 'acme/scorer',
  'landingzone.ml/container-image': 'registry/scorer',
  'landingzone.ml/ci': 'github-actions',
  'mlflow.org/experiment': 'scorer',
  'landingzone.ml/training-pipeline': 'kubeflow',
  'landingzone.ml/model-registry': 'mlflow',
  'landingzone.ml/data-validation': 'great-expectations',
  'landingzone.ml/model-card': 'docs/model-card.md',
};

const observedAt = new Date(Date.now() - 3_600_000).toISOString();
const pipelineFact = (
  type: string,
  data: Record<string, unknown>,
): ObservedFact => ({
  entityRef: 'component:default/scorer',
  type,
  source: 'pipeline',
  id: `${type}-1`,
  observedAt,
  data,
});
/** What the generated pipeline and CI report: enough to observe Level 1. */
const pipelineFacts = [
  pipelineFact('training-run', { runId: 'r1', metrics: {} }),
  pipelineFact('model-version', { model: 'scorer', version: '1', aliases: [] }),
  pipelineFact('ci-run', {
    status: 'success',
    commit: 'c1',
    imageDigest: 'sha256:1',
  }),
];

describe('MlopsMaturityProcessor', () => {
  const run = (
    processor: MlopsMaturityProcessor,
    entity: Entity,
    cache = memoryCache(),
  ) => processor.postProcessEntity(entity, location, jest.fn(), cache);

  it('writes level, score, failing checks and progress on ML entities, judged on their facts', async () => {
    const facts = jest.fn((ref: string) =>
      ref === 'component:default/scorer' ? pipelineFacts : undefined,
    );
    const processor = new MlopsMaturityProcessor({
      logger: mockServices.logger.mock(),
      facts,
    });
    const result = await run(processor, component('ml-model', templated));
    expect(facts).toHaveBeenCalledWith('component:default/scorer');
    expect(result.metadata.annotations).toMatchObject({
      ...templated,
      'landingzone.ml/maturity-level': '1',
      'landingzone.ml/maturity-score': '55',
      'landingzone.ml/failing-checks':
        'cd,validation-gate,monitoring,drift-detection,retraining-trigger,rollback,lineage,progressive-rollout,kubernetes-deployment',
      'landingzone.ml/maturity-progress': '1=11/11,2=0/9',
    });
    expect(result.metadata.annotations).not.toHaveProperty(
      'landingzone.ml/evidence-warnings',
    );
  });

  it('keeps declarations from reaching a level without facts, unless evidence is declared', async () => {
    const observed = new MlopsMaturityProcessor({
      logger: mockServices.logger.mock(),
    });
    const withoutFacts = await run(observed, component('ml-model', templated));
    expect(
      withoutFacts.metadata.annotations?.['landingzone.ml/maturity-level'],
    ).toBe('0');
    expect(
      withoutFacts.metadata.annotations?.['landingzone.ml/failing-checks'],
    ).toContain('experiment-tracking');
    const declared = new MlopsMaturityProcessor({
      logger: mockServices.logger.mock(),
      model: parseMaturityModelConfig({ evidence: 'declared' }),
    });
    const selfDeclared = await run(declared, component('ml-model', templated));
    expect(
      selfDeclared.metadata.annotations?.['landingzone.ml/maturity-level'],
    ).toBe('1');
  });

  it('leaves non-ML entities untouched', async () => {
    const processor = new MlopsMaturityProcessor({
      logger: mockServices.logger.mock(),
    });
    const service = component('service', templated);
    expect(await run(processor, service)).toBe(service);
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'fraud-ml' },
      spec: { type: 'team', children: [] },
    };
    expect(await run(processor, group)).toBe(group);
  });

  it('overwrites maturity annotations the source tried to set', async () => {
    const processor = new MlopsMaturityProcessor({
      logger: mockServices.logger.mock(),
    });
    const result = await run(
      processor,
      component('ml-model', {
        'landingzone.ml/maturity-level': '2',
        'landingzone.ml/evidence-warnings': 'forged',
      }),
    );
    expect(result.metadata.annotations?.['landingzone.ml/maturity-level']).toBe(
      '0',
    );
    expect(result.metadata.annotations).not.toHaveProperty(
      'landingzone.ml/evidence-warnings',
    );
  });

  it('flags malformed evidence without blocking, logging once per change', async () => {
    const logger = mockServices.logger.mock();
    const processor = new MlopsMaturityProcessor({ logger });
    const emit = jest.fn();
    const cache = memoryCache();
    const entity = component('llm-app', {
      ...templated,
      'landingzone.ml/gpu-budget': 'lots',
    });

    const first = await processor.postProcessEntity(
      entity,
      location,
      emit,
      cache,
    );
    expect(
      first.metadata.annotations?.['landingzone.ml/evidence-warnings'],
    ).toBe('landingzone.ml/gpu-budget');
    expect(
      first.metadata.annotations?.['landingzone.ml/failing-checks'],
    ).toContain('llm-gpu-budget');
    expect(emit).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Malformed MLOps evidence on component:default/scorer: annotation landingzone.ml/gpu-budget is \'lots\', expected a number ≥ 0 as a string, e.g. "120"',
      {
        entity: 'component:default/scorer',
        field: 'metadata.annotations.landingzone.ml/gpu-budget',
      },
    );

    await processor.postProcessEntity(entity, location, emit, cache);
    expect(logger.warn).toHaveBeenCalledTimes(1);

    entity.metadata.annotations!['landingzone.ml/retraining-trigger'] =
      'sometimes';
    await processor.postProcessEntity(entity, location, emit, cache);
    expect(logger.warn).toHaveBeenCalledTimes(3);
  });

  it('uses the configured model', async () => {
    const model = parseMaturityModelConfig({
      entityFilter: { kinds: ['Component'], types: ['service'] },
      levels: [{ level: 1, name: 'Scripted' }],
      disabledChecks: ['model-card'],
      evidence: 'declared',
    });
    const processor = new MlopsMaturityProcessor({
      logger: mockServices.logger.mock(),
    });
    const configured = new MlopsMaturityProcessor({
      logger: mockServices.logger.mock(),
      model,
    });
    const entity = component('service', templated);
    expect(await run(processor, entity)).toBe(entity);
    const result = await run(configured, entity);
    expect(
      result.metadata.annotations?.['landingzone.ml/maturity-progress'],
    ).toBe('1=10/10,2=0/9');
  });

  it('never throws on 10,000 random and malformed entities', async () => {
    const logger = mockServices.logger.mock();
    const processor = new MlopsMaturityProcessor({ logger });
    const garbage = fc.anything({ maxDepth: 2, withNullPrototype: true });
    const entity = fc.record({
      apiVersion: fc.constant('backstage.io/v1alpha1'),
      kind: fc.oneof(fc.constant('Component'), garbage),
      metadata: fc.oneof(
        fc.record({
          name: fc.oneof(fc.constant('x'), garbage),
          annotations: fc.oneof(
            fc.dictionary(
              fc.constantFrom(
                ...Object.keys(templated),
                'landingzone.ml/gpu-budget',
              ),
              garbage,
            ),
            garbage,
          ),
        }),
        garbage,
      ),
      spec: fc.oneof(
        fc.record({
          type: fc.oneof(fc.constant('llm-app'), garbage),
          dependsOn: garbage,
        }),
        garbage,
      ),
    });
    await fc.assert(
      fc.asyncProperty(entity, async e => {
        const result = await run(processor, e as unknown as Entity);
        expect(result).toBeDefined();
      }),
      { numRuns: 10_000 },
    );
  });
});
