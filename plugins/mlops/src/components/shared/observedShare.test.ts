import { declaredLeadTimes, formatHours, observedShare } from './observedShare';

describe('declaredLeadTimes', () => {
  it('says how many lead times are self-declared, and nothing when all are observed', () => {
    expect(declaredLeadTimes({ count: 5, declared: 2 })).toBe(
      '2 of 5 self-declared',
    );
    expect(declaredLeadTimes({ count: 5, declared: 0 })).toBeUndefined();
    expect(declaredLeadTimes({ count: 0 })).toBeUndefined();
  });
});

describe('observedShare', () => {
  it('says how much of the evidence is observed, and nothing when not measured', () => {
    expect(observedShare({ observedChecks: 3, observableChecks: 9 })).toBe(
      '33 % observed (3/9)',
    );
    expect(
      observedShare({ observedChecks: null, observableChecks: null }),
    ).toBeUndefined();
    expect(observedShare(undefined)).toBeUndefined();
    expect(observedShare({ observedChecks: 0, observableChecks: 0 })).toBe(
      'nothing to observe',
    );
  });
});

describe('formatHours', () => {
  it('shows hours under two days, days above, a dash for none', () => {
    expect(formatHours(36.4)).toBe('36 h');
    expect(formatHours(84)).toBe('3.5 d');
    expect(formatHours(null)).toBe('–');
  });
});
