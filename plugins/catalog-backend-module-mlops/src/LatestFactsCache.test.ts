import { mockServices } from '@backstage/backend-test-utils';
import type { ObservedFact } from '@landing-zone/plugin-mlops-common';
import { LatestFactsCache } from './LatestFactsCache';

const fact = (entityRef: string, id: string): ObservedFact => ({
  entityRef,
  type: 'training-run',
  source: 'mlflow',
  id,
  observedAt: '2026-12-01T10:00:00Z',
  data: { runId: id },
});

describe('LatestFactsCache', () => {
  it('answers from memory what the last refresh fetched, by entity ref in any case', async () => {
    const fetchLatest = jest
      .fn()
      .mockResolvedValue([
        fact('component:default/churn', 'r1'),
        fact('component:default/churn', 'r2'),
        fact('component:default/fraud', 'r3'),
      ]);
    const cache = new LatestFactsCache(fetchLatest, mockServices.logger.mock());
    expect(cache.factsOf('component:default/churn')).toBeUndefined();
    await cache.refresh();
    expect(cache.factsOf('Component:default/Churn')?.map(f => f.id)).toEqual([
      'r1',
      'r2',
    ]);
    expect(cache.status().entities).toBe(2);
    expect(fetchLatest).toHaveBeenCalledTimes(1);
    // Lookups never fetch.
    cache.factsOf('component:default/fraud');
    expect(fetchLatest).toHaveBeenCalledTimes(1);
  });

  it('keeps the last known facts while the backend is down, warning once, and recovers', async () => {
    const logger = mockServices.logger.mock();
    const fetchLatest = jest
      .fn()
      .mockResolvedValueOnce([fact('component:default/churn', 'r1')])
      .mockRejectedValueOnce(new Error('connect ECONNREFUSED'))
      .mockResolvedValueOnce({ not: 'a list' })
      .mockResolvedValueOnce([fact('component:default/churn', 'r9')]);
    const cache = new LatestFactsCache(fetchLatest, logger);
    await cache.refresh(new Date('2026-12-01T10:00:00Z'));
    await cache.refresh(new Date('2026-12-01T10:01:00Z'));
    await cache.refresh(new Date('2026-12-01T10:02:00Z'));
    expect(cache.factsOf('component:default/churn')?.map(f => f.id)).toEqual([
      'r1',
    ]);
    expect(cache.status().failingSince?.toISOString()).toBe(
      '2026-12-01T10:01:00.000Z',
    );
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(String(logger.warn.mock.calls[0][0])).toContain('ECONNREFUSED');

    await cache.refresh(new Date('2026-12-01T10:03:00Z'));
    expect(cache.factsOf('component:default/churn')?.map(f => f.id)).toEqual([
      'r9',
    ]);
    expect(cache.status().failingSince).toBeUndefined();
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringContaining('available again'),
    );
  });

  it('loads everything first, then only the changes since the last cursor', async () => {
    const fetchLatest = jest
      .fn()
      .mockResolvedValueOnce({
        facts: [
          fact('component:default/churn', 'r1'),
          fact('component:default/fraud', 'r2'),
        ],
        cursor: 'c1',
        complete: true,
      })
      .mockResolvedValueOnce({
        facts: [
          fact('component:default/churn', 'r3'),
          fact('component:default/churn', 'r4'),
          fact('component:default/new', 'r5'),
        ],
        cursor: 'c2',
        complete: false,
      });
    const cache = new LatestFactsCache(fetchLatest, mockServices.logger.mock());
    await cache.refresh(new Date('2026-12-01T10:00:00Z'));
    await cache.refresh(new Date('2026-12-01T10:01:00Z'));
    expect(fetchLatest.mock.calls).toEqual([[undefined], ['c1']]);
    // A changed entity's facts are replaced whole; the others stay as they were.
    expect(cache.factsOf('component:default/churn')?.map(f => f.id)).toEqual([
      'r3',
      'r4',
    ]);
    expect(cache.factsOf('component:default/fraud')?.map(f => f.id)).toEqual([
      'r2',
    ]);
    expect(cache.status().entities).toBe(3);
  });

  it('replaces everything on a complete answer to a cursor (the backend removed facts)', async () => {
    const fetchLatest = jest
      .fn()
      .mockResolvedValueOnce({
        facts: [
          fact('component:default/churn', 'r1'),
          fact('component:default/gone', 'r2'),
        ],
        cursor: 'c1',
        complete: true,
      })
      .mockResolvedValueOnce({
        facts: [fact('component:default/churn', 'r1')],
        cursor: 'c2',
        complete: true,
      });
    const cache = new LatestFactsCache(fetchLatest, mockServices.logger.mock());
    await cache.refresh(new Date('2026-12-01T10:00:00Z'));
    await cache.refresh(new Date('2026-12-01T10:01:00Z'));
    expect(fetchLatest).toHaveBeenLastCalledWith('c1');
    expect(cache.factsOf('component:default/gone')).toBeUndefined();
    expect(cache.status().entities).toBe(1);
  });

  it('reloads everything once fullRefreshMs has passed, and keeps the cursor across a failure', async () => {
    const answer = (cursor: string, complete: boolean) => ({
      facts: [fact('component:default/churn', cursor)],
      cursor,
      complete,
    });
    const fetchLatest = jest
      .fn()
      .mockResolvedValueOnce(answer('c1', true))
      .mockRejectedValueOnce(new Error('timeout'))
      .mockResolvedValueOnce(answer('c2', false))
      .mockResolvedValueOnce(answer('c3', true));
    const cache = new LatestFactsCache(
      fetchLatest,
      mockServices.logger.mock(),
      {
        fullRefreshMs: 10 * 60_000,
      },
    );
    await cache.refresh(new Date('2026-12-01T10:00:00Z'));
    await cache.refresh(new Date('2026-12-01T10:01:00Z'));
    await cache.refresh(new Date('2026-12-01T10:02:00Z'));
    await cache.refresh(new Date('2026-12-01T10:10:00Z'));
    expect(fetchLatest.mock.calls).toEqual([
      [undefined],
      ['c1'],
      ['c1'],
      [undefined],
    ]);
    expect(cache.factsOf('component:default/churn')?.map(f => f.id)).toEqual([
      'c3',
    ]);
  });

  it('fetches everything every time from a backend that sends no cursor', async () => {
    const fetchLatest = jest
      .fn()
      .mockResolvedValue([fact('component:default/churn', 'r1')]);
    const cache = new LatestFactsCache(fetchLatest, mockServices.logger.mock());
    await cache.refresh(new Date('2026-12-01T10:00:00Z'));
    await cache.refresh(new Date('2026-12-01T10:01:00Z'));
    expect(fetchLatest.mock.calls).toEqual([[undefined], [undefined]]);
  });
});
