import { addDays, dayOf, leadTimeDays, leadTimeStats, quantile } from './stats';

describe('quantile', () => {
  it('is null for no values', () => {
    expect(quantile([], 0.5)).toBeNull();
  });

  it('interpolates between ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.85)).toBe(
      86.5,
    );
  });

  it('returns the only value', () => {
    expect(quantile([7], 0.85)).toBe(7);
  });
});

describe('lead time', () => {
  it('counts days from created to production', () => {
    expect(
      leadTimeDays('2026-01-01T00:00:00.000Z', '2026-01-11T12:00:00.000Z'),
    ).toBe(10.5);
  });

  it('never goes negative when production precedes the recorded creation', () => {
    expect(
      leadTimeDays('2026-01-11T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
    ).toBe(0);
  });

  it('summarises median and p85', () => {
    expect(leadTimeStats([1, 2, 3, 4, 100])).toEqual({
      medianDays: 3,
      p85Days: 42.4,
      count: 5,
    });
    expect(leadTimeStats([])).toEqual({
      medianDays: null,
      p85Days: null,
      count: 0,
    });
  });
});

describe('days', () => {
  it('steps across month ends in UTC', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(dayOf('2026-03-01T23:59:59.000Z')).toBe('2026-03-01');
  });
});
