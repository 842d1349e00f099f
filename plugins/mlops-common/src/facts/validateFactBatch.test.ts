import { validateFactBatch } from './validateFactBatch';

const now = new Date('2026-12-01T12:00:00Z');

const valid = {
  entityRef: 'Component:Default/Churn-Model',
  type: 'training-run',
  source: 'mlflow',
  id: 'run-1',
  observedAt: '2026-12-01T10:00:00+01:00',
  data: { runId: 'run-1', metrics: { auc: 0.91 }, params: { depth: '6' } },
};

function errorsOf(fact: Record<string, unknown>, extra: unknown[] = []) {
  const result = validateFactBatch({ facts: [...extra, fact] }, { now });
  if (result.ok) throw new Error('expected the batch to be rejected');
  return result.errors;
}

describe('validateFactBatch', () => {
  it('normalises a valid fact: lower-case ref, UTC instant, data kept with extra keys', () => {
    const result = validateFactBatch(
      { facts: [{ ...valid, data: { ...valid.data, notebook: 'x.ipynb' } }] },
      { now },
    );
    expect(result).toEqual({
      ok: true,
      facts: [
        {
          entityRef: 'component:default/churn-model',
          type: 'training-run',
          source: 'mlflow',
          id: 'run-1',
          observedAt: '2026-12-01T09:00:00.000Z',
          data: { ...valid.data, notebook: 'x.ipynb' },
        },
      ],
    });
  });

  it.each([
    [
      'a number metric',
      { data: { runId: 'r', metrics: { auc: 'high' } } },
      'facts[1].data.metrics.auc: expected a number',
    ],
    [
      'a metric key with a space',
      { data: { runId: 'r', metrics: { 'val auc': 'x' } } },
      'facts[1].data.metrics["val auc"]: expected a number',
    ],
    [
      'runId',
      { data: { metrics: {} } },
      'facts[1].data.runId: required in training-run facts',
    ],
    [
      'string params',
      { data: { runId: 'r', metrics: {}, params: { depth: 6 } } },
      'facts[1].data.params.depth: expected a non-empty string',
    ],
    [
      'a full entity ref',
      { entityRef: 'churn-model' },
      'facts[1].entityRef: expected a full entity ref like component:default/churn-model',
    ],
    [
      'a known type',
      { type: 'training' },
      'facts[1].type: expected one of training-run, model-version, evaluation, deployment, drift-check, retraining, ci-run, repository',
    ],
    [
      'a source',
      { source: '' },
      'facts[1].source: expected a non-empty string',
    ],
    [
      'a short source',
      { source: 'x'.repeat(201) },
      'facts[1].source: expected at most 200 characters',
    ],
    ['an id', { id: undefined }, 'facts[1].id: expected a non-empty string'],
    ['a string id', { id: 42 }, 'facts[1].id: expected a non-empty string'],
    [
      'an ISO instant',
      { observedAt: 'yesterday' },
      'facts[1].observedAt: expected an ISO-8601 date-time with offset, e.g. 2026-12-01T10:00:00Z',
    ],
    [
      'an offset',
      { observedAt: '2026-12-01T10:00:00' },
      'facts[1].observedAt: expected an ISO-8601 date-time with offset, e.g. 2026-12-01T10:00:00Z',
    ],
    [
      'a real date',
      { observedAt: '2026-13-45T10:00:00Z' },
      'facts[1].observedAt: expected an ISO-8601 date-time with offset, e.g. 2026-12-01T10:00:00Z',
    ],
    [
      'a past instant',
      { observedAt: '2026-12-01T12:06:00Z' },
      'facts[1].observedAt: is in the future',
    ],
    ['data', { data: undefined }, 'facts[1].data: required'],
    ['object data', { data: [1] }, 'facts[1].data: expected an object'],
    [
      'no unknown fields',
      { team: 'x' },
      'facts[1].team: unknown field (put observations inside data)',
    ],
    [
      'alias list',
      {
        type: 'model-version',
        data: {
          registry: 'mlflow',
          model: 'm',
          version: '1',
          aliases: 'champion',
        },
      },
      'facts[1].data.aliases: expected an array',
    ],
    [
      'alias strings',
      {
        type: 'model-version',
        data: {
          registry: 'mlflow',
          model: 'm',
          version: '1',
          aliases: ['champion', 3],
        },
      },
      'facts[1].data.aliases[1]: expected a non-empty string',
    ],
    [
      'a boolean passed',
      {
        type: 'evaluation',
        data: { suite: 's', score: 0.9, threshold: 0.8, passed: 'yes' },
      },
      'facts[1].data.passed: expected true or false',
    ],
    [
      'a numeric score',
      {
        type: 'evaluation',
        data: { suite: 's', score: null, threshold: 0.8, passed: true },
      },
      'facts[1].data.score: required in evaluation facts',
    ],
    [
      'an environment',
      { type: 'deployment', data: { version: '3' } },
      'facts[1].data.environment: required in deployment facts',
    ],
    [
      'numeric drift per feature',
      {
        type: 'drift-check',
        data: { features: { age: '0.2' }, threshold: 0.2, breached: false },
      },
      'facts[1].data.features.age: expected a number',
    ],
    [
      'a retraining trigger',
      { type: 'retraining', data: { trigger: 'cron', runId: 'r' } },
      'facts[1].data.trigger: expected one of schedule, drift, manual',
    ],
    [
      'a ci status',
      { type: 'ci-run', data: { status: 'green', commit: 'abc' } },
      'facts[1].data.status: expected one of success, failure, cancelled',
    ],
    [
      'a file list',
      { type: 'repository', data: { commit: 'abc', files: 'Dockerfile' } },
      'facts[1].data.files: expected an array',
    ],
    [
      'small data',
      { data: { runId: 'r', metrics: {}, blob: 'x'.repeat(17000) } },
      'facts[1].data: expected at most 16384 bytes as JSON',
    ],
    ['an object fact', 'not a fact', 'facts[1]: expected an object'],
  ])('requires %s, naming the field', (_what, change, message) => {
    const fact = typeof change === 'string' ? change : { ...valid, ...change };
    expect(errorsOf(fact as any, [valid])).toContain(message);
  });

  it('accepts a "found nothing" fact without the type\'s fields, but checks their shape', () => {
    const notFound = {
      ...valid,
      id: 'churn/not-found',
      data: { found: false, experiment: 'churn' },
    };
    expect(validateFactBatch({ facts: [notFound] }, { now }).ok).toBe(true);
    expect(
      errorsOf({ ...notFound, data: { found: 'no', experiment: 'churn' } }, [
        valid,
      ]),
    ).toContain('facts[1].data.found: expected true or false');
    expect(
      errorsOf({ ...notFound, data: { found: false, metrics: { auc: 'x' } } }, [
        valid,
      ]),
    ).toEqual(['facts[1].data.metrics.auc: expected a number']);
  });

  it('rejects a repeated (source, id) within one batch', () => {
    expect(errorsOf(valid, [valid])).toEqual([
      'facts[1].id: source "mlflow" and id "run-1" repeat facts[0]',
    ]);
  });

  it.each([
    [null, 'body: expected an object { "facts": [...] }'],
    [{ facts: {} }, 'facts: expected an array of facts'],
    [{ facts: [] }, 'facts: expected at least one fact'],
    [{ facts: [valid], extra: 1 }, 'extra: unknown field'],
    [
      { facts: Array(501).fill(valid) },
      'facts: expected at most 500 facts per request',
    ],
  ])('rejects the body %#', (body, message) => {
    expect(validateFactBatch(body, { now })).toEqual({
      ok: false,
      errors: [message],
    });
  });

  it('reports at most 20 problems', () => {
    const result = validateFactBatch(
      {
        facts: Array.from({ length: 50 }, (_, i) => ({
          ...valid,
          id: `r${i}`,
          type: 'x',
        })),
      },
      { now },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(20);
  });
});
