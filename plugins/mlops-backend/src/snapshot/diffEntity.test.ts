import { CatalogUseCase } from './CatalogUseCase';
import { diffEntity, removal } from './diffEntity';

const useCase: CatalogUseCase = {
  entityRef: 'component:default/churn',
  title: 'churn',
  type: 'ml-model',
  lifecycle: 'experimental',
  teamRef: 'group:default/fraud',
  templateRef: null,
  createdAt: null,
  maturity: { level: 1, score: 40, failingChecks: ['cd'] },
};

describe('diffEntity', () => {
  it('writes nothing for an entity that did not change, on any later day', () => {
    const first = diffEntity(undefined, useCase, '2026-03-01T10:00:00.000Z');
    expect(first?.events.map(e => e.type)).toEqual(['first-seen']);
    expect(
      diffEntity(first!.row, useCase, '2026-03-09T10:00:00.000Z'),
    ).toBeUndefined();
  });

  it('records a removal and a return', () => {
    const first = diffEntity(undefined, useCase, '2026-03-01T10:00:00.000Z')!;
    const removed = removal(first.row, '2026-03-02T10:00:00.000Z');
    expect(removed.row.removed_at).toBe('2026-03-02T10:00:00.000Z');
    expect(removed.events.map(e => e.type)).toEqual(['removed']);

    const back = diffEntity(removed.row, useCase, '2026-03-03T10:00:00.000Z');
    expect(back?.row.removed_at).toBeNull();
    expect(back?.events.map(e => e.type)).toEqual([]);
  });

  describe('reaching production', () => {
    const day1 = '2026-03-01T10:00:00.000Z';
    const day2 = '2026-03-05T10:00:00.000Z';
    const day3 = '2026-03-09T10:00:00.000Z';

    it('marks a lifecycle string without a deployment fact as declared', () => {
      const change = diffEntity(
        undefined,
        { ...useCase, lifecycle: 'production' },
        day1,
      )!;
      expect(change.row.reached_production_at).toBe(day1);
      expect(change.row.production_evidence).toBe('declared');
    });

    it('marks the first production deployment fact as observed', () => {
      const change = diffEntity(
        undefined,
        { ...useCase, createdAt: day1, productionDeployedAt: day2 },
        day3,
      )!;
      expect(change.row.reached_production_at).toBe(day2);
      expect(change.row.production_evidence).toBe('observed');
    });

    it('replaces a declaration with the deployment observed later, and keeps an observation', () => {
      const declared = diffEntity(
        undefined,
        { ...useCase, lifecycle: 'production' },
        day1,
      )!;
      const observed = diffEntity(
        declared.row,
        { ...useCase, lifecycle: 'production', productionDeployedAt: day2 },
        day2,
      )!;
      expect(observed.row.reached_production_at).toBe(day2);
      expect(observed.row.production_evidence).toBe('observed');
      // A second reached-production event is never recorded for the same use case.
      expect(observed.events.map(e => e.type)).not.toContain(
        'reached-production',
      );

      const later = diffEntity(
        observed.row,
        { ...useCase, lifecycle: 'production', productionDeployedAt: day3 },
        day3,
      );
      expect(later?.row.reached_production_at ?? day2).toBe(day2);
    });
  });
});
