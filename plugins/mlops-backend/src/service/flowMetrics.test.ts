import { flowMetrics } from './flowMetrics';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
const at = (days: number) => T0 + days * DAY;

describe('flowMetrics', () => {
  it('counts deployments and retraining per week, and times drift recovery', () => {
    const metrics = flowMetrics(
      [
        [
          { kind: 'production-deployment', at: at(1) },
          { kind: 'drift-breached', at: at(3) },
          // A second breach before the fix is the same incident.
          { kind: 'drift-breached', at: at(3.5) },
          { kind: 'retraining', at: at(4) },
          { kind: 'production-deployment', at: at(5) },
        ],
        [
          { kind: 'drift-breached', at: at(10) },
          { kind: 'production-deployment', at: at(10.5) },
          { kind: 'drift-breached', at: at(13) },
        ],
        undefined,
      ],
      at(0),
      at(14),
    );
    expect(metrics).toEqual({
      productionDeployments: 3,
      deploymentsPerWeek: 1.5,
      retrainings: 1,
      retrainingsPerWeek: 0.5,
      driftBreaches: 4,
      driftRecovered: 2,
      // 48 h and 12 h.
      driftToDeployMedianHours: 30,
    });
  });

  it('leaves facts outside the window out of the counts', () => {
    const metrics = flowMetrics(
      [
        [
          { kind: 'drift-breached', at: at(-5) },
          { kind: 'production-deployment', at: at(-1) },
          { kind: 'production-deployment', at: at(2) },
          { kind: 'retraining', at: at(20) },
        ],
      ],
      at(0),
      at(7),
    );
    expect(metrics.productionDeployments).toBe(1);
    expect(metrics.retrainings).toBe(0);
    expect(metrics.driftBreaches).toBe(0);
    expect(metrics.driftToDeployMedianHours).toBeNull();
  });
});
