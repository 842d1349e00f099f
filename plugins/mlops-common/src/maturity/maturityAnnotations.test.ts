import {
  readMaturityAnnotations,
  toMaturityAnnotations,
} from './maturityAnnotations';

const withAnnotations = (annotations: unknown) => ({
  metadata: { annotations },
});

describe('maturity annotations', () => {
  it('round-trips what the processor writes', () => {
    const annotations = toMaturityAnnotations({
      level: 1,
      score: 73,
      failingChecks: ['cd', 'monitoring'],
      progress: [
        { level: 1, passed: 11, total: 11 },
        { level: 2, passed: 3, total: 9 },
      ],
      warnings: [],
    });
    expect(annotations).toEqual({
      'landingzone.ml/maturity-level': '1',
      'landingzone.ml/maturity-score': '73',
      'landingzone.ml/failing-checks': 'cd,monitoring',
      'landingzone.ml/maturity-progress': '1=11/11,2=3/9',
    });
    expect(readMaturityAnnotations(withAnnotations(annotations))).toEqual({
      level: 1,
      score: 73,
      failingChecks: ['cd', 'monitoring'],
    });
  });

  it('reads an empty failing list', () => {
    expect(
      readMaturityAnnotations(
        withAnnotations({
          'landingzone.ml/maturity-level': '2',
          'landingzone.ml/maturity-score': '100',
          'landingzone.ml/failing-checks': '',
        }),
      ),
    ).toEqual({ level: 2, score: 100, failingChecks: [] });
  });

  it.each([
    null,
    'entity',
    {},
    { metadata: null },
    withAnnotations(null),
    withAnnotations({}),
    withAnnotations({ 'landingzone.ml/maturity-level': '1' }),
    withAnnotations({
      'landingzone.ml/maturity-level': 'one',
      'landingzone.ml/maturity-score': '5',
    }),
    withAnnotations({
      'landingzone.ml/maturity-level': '1',
      'landingzone.ml/maturity-score': '101',
    }),
    withAnnotations({
      'landingzone.ml/maturity-level': 1,
      'landingzone.ml/maturity-score': 5,
    }),
    withAnnotations({
      'landingzone.ml/maturity-level': '-1',
      'landingzone.ml/maturity-score': '5',
    }),
  ])('returns undefined for %j', entity => {
    expect(readMaturityAnnotations(entity)).toBeUndefined();
  });
});
