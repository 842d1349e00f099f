import { summarize, UseCaseFacts } from './summarize';

const value = {
  manualOnboardingHours: 40,
  selfServeHours: 2,
  hourlyCost: 100,
  currency: 'EUR',
};

function useCase(overrides: Partial<UseCaseFacts>): UseCaseFacts {
  return {
    level: 1,
    score: 50,
    lifecycle: 'production',
    createdAt: '2026-03-01T00:00:00.000Z',
    reachedProductionAt: null,
    templateRef: null,
    ...overrides,
  };
}

describe('summarize', () => {
  it('says how many lead times rest on a declaration rather than a deployment fact', () => {
    const summary = summarize({
      useCases: [
        useCase({
          reachedProductionAt: '2026-03-11T00:00:00.000Z',
          productionEvidence: 'observed',
        }),
        useCase({
          reachedProductionAt: '2026-03-21T00:00:00.000Z',
          productionEvidence: 'declared',
        }),
        // Recorded before the evidence was: not proven, so not counted as observed.
        useCase({ reachedProductionAt: '2026-03-15T00:00:00.000Z' }),
        // Outside the 30-day window: in neither count.
        useCase({
          createdAt: '2025-12-01T00:00:00.000Z',
          reachedProductionAt: '2026-01-01T00:00:00.000Z',
          productionEvidence: 'declared',
        }),
        useCase({ lifecycle: 'experimental' }),
      ],
      dayStates: new Map(),
      window: 30,
      period: 'week',
      today: '2026-03-31',
      levelCount: 3,
      value,
    });
    expect(summary.throughput).toBe(3);
    expect(summary.leadTime).toEqual(
      expect.objectContaining({ count: 3, declared: 2 }),
    );
  });
});
