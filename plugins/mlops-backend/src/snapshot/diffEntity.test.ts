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
});
