import { ConfigReader } from '@backstage/config';
import { readFactsConfig } from './readFactsConfig';

const read = (mlops: object) => () =>
  readFactsConfig(new ConfigReader({ mlops }));

describe('readFactsConfig', () => {
  it('has defaults: no writers list, 400 days, 7 detail days, repository collector, no MLflow', () => {
    const config = read({})();
    expect(config.writers).toBeUndefined();
    expect(config.retention).toMatchObject({
      detailDays: 7,
      thinningBucketDays: 0,
    });
    expect(new Set(Object.values(config.retention.days))).toEqual(
      new Set([400]),
    );
    expect(config.collectors.repository.enabled).toBe(true);
    expect(config.collectors.mlflow).toBeUndefined();
  });

  it('reads writers, per-type days and the MLflow server', () => {
    const config = read({
      facts: {
        writers: [
          { subject: 'ml-pipelines', entities: ['component:default/*'] },
        ],
        retention: { days: 100, byType: { deployment: 730 } },
      },
      collectors: { mlflow: { baseUrl: 'http://mlflow:5000/' } },
    })();
    expect(config.writers).toEqual([
      { subject: 'ml-pipelines', entities: ['component:default/*'] },
    ]);
    expect(config.retention.days).toMatchObject({
      deployment: 730,
      'drift-check': 100,
    });
    expect(config.collectors.mlflow).toEqual({
      baseUrl: 'http://mlflow:5000',
      maxRuns: 20,
      token: undefined,
    });
  });

  it.each([
    [
      { facts: { retention: { days: 0 } } },
      'Invalid config mlops.facts.retention.days: expected a positive whole number, got 0',
    ],
    [
      { facts: { retention: { byType: { metric: 5 } } } },
      /mlops\.facts\.retention\.byType\.metric: expected one of training-run/,
    ],
    [
      { facts: { retention: { thinnedTypes: ['x'] } } },
      'Invalid config mlops.facts.retention.thinnedTypes: "x" is not a fact type',
    ],
    [
      { facts: { retention: { thinningBucketDays: -1 } } },
      /thinningBucketDays: expected a whole number of days/,
    ],
    [
      { facts: { writers: [{ subject: 's', entities: [] }] } },
      'Invalid config mlops.facts.writers[0].entities: expected at least one pattern',
    ],
    [
      { collectors: { mlflow: { baseUrl: 'http://x', maxRuns: 0 } } },
      /mlops\.collectors\.mlflow\.maxRuns/,
    ],
  ])('names the bad key %#', (mlops, message) => {
    expect(read(mlops)).toThrow(message);
  });
});
