import { readMaturity } from './readMaturity';

describe('readMaturity', () => {
  it('reads level, score and failing checks', () => {
    expect(
      readMaturity({
        'landingzone.ml/maturity-level': '1',
        'landingzone.ml/maturity-score': '73',
        'landingzone.ml/failing-checks': 'cd, monitoring,,',
      }),
    ).toEqual({ level: 1, score: 73, failingChecks: ['cd', 'monitoring'] });
  });

  it('treats an unevaluated entity as level 0', () => {
    expect(readMaturity(undefined)).toEqual({
      level: 0,
      score: 0,
      failingChecks: [],
    });
  });

  it.each([['-1'], ['1.5'], ['two'], ['']])(
    'ignores the garbage level %p',
    raw => {
      expect(readMaturity({ 'landingzone.ml/maturity-level': raw }).level).toBe(
        0,
      );
    },
  );

  it('ignores a score above 100', () => {
    expect(
      readMaturity({
        'landingzone.ml/maturity-level': '2',
        'landingzone.ml/maturity-score': '250',
      }),
    ).toEqual({ level: 0, score: 0, failingChecks: [] });
  });
});
