import { TestDatabases } from '@backstage/backend-test-utils';
import { Fact } from '@landing-zone/plugin-mlops-common';
import { migrateDatabase } from '../database/migrateDatabase';
import { FactStore } from '../facts/FactStore';
import { flowMetrics } from '../service/flowMetrics';
import { readFlowFacts } from './readFlowFacts';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
const REF = 'component:default/churn';

const fact = (type: string, day: number, data: Record<string, unknown>): Fact =>
  ({
    entityRef: REF,
    type,
    source: 'pipeline',
    id: `${type}-${day}`,
    observedAt: new Date(T0 + day * DAY).toISOString(),
    data,
  } as Fact);

describe.each(databases.eachSupportedId())('readFlowFacts on %p', id => {
  it('reads production deployments, retraining and breached drift checks from the stored history', async () => {
    const knex = await databases.init(id);
    await migrateDatabase(knex);
    const store = new FactStore(knex);
    await store.upsertFacts([
      fact('deployment', 1, { environment: 'production', version: '1' }),
      fact('deployment', 2, { environment: 'staging', version: '2' }),
      fact('drift-check', 3, {
        features: { a: 0.1 },
        threshold: 0.2,
        breached: false,
      }),
      fact('drift-check', 4, {
        features: { a: 0.4 },
        threshold: 0.2,
        breached: true,
      }),
      fact('retraining', 4, { trigger: 'drift', runId: 'r2' }),
      fact('deployment', 6, { environment: 'Production', version: '2' }),
      fact('training-run', 4, { runId: 'r2', metrics: {} }),
    ]);

    const flow = await readFlowFacts(knex, T0);
    expect(flow.get(REF)).toEqual([
      { kind: 'production-deployment', at: T0 + DAY },
      { kind: 'drift-breached', at: T0 + 4 * DAY },
      { kind: 'retraining', at: T0 + 4 * DAY },
      { kind: 'production-deployment', at: T0 + 6 * DAY },
    ]);
    // Two production deployments in a week; the breach was fixed 2 days later.
    expect(flowMetrics([flow.get(REF)], T0, T0 + 7 * DAY)).toMatchObject({
      productionDeployments: 2,
      deploymentsPerWeek: 2,
      retrainings: 1,
      driftToDeployMedianHours: 48,
    });
    expect((await readFlowFacts(knex, T0 + 5 * DAY)).get(REF)).toEqual([
      { kind: 'production-deployment', at: T0 + 6 * DAY },
    ]);
  });
});
