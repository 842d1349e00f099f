import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  compileMaturityModel,
  defaultMaturityModel,
  ObservedFact,
} from '@landing-zone/plugin-mlops-common';
import { mlComponent } from '../__testUtils__/entities';
import { readMlopsBackendConfig } from '../config';
import { fromTypeCode } from '../database/eventTypes';
import { HistoryStore } from '../database/HistoryStore';
import { migrateDatabase } from '../database/migrateDatabase';
import { runSnapshot } from './runSnapshot';
import type { FlowFact } from '../service/flowMetrics';
import { LatestFactsReader } from './useCaseEvidence';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
const REF = 'component:default/churn';

/** A use case as a golden path creates it: it declares Level 1. */
function declaredLevelOne(lifecycle = 'experimental'): Entity {
  const entity = mlComponent('churn', { lifecycle });
  entity.metadata.annotations = {
    'backstage.io/source-template': 'template:default/batch-training',
    'backstage.io/techdocs-ref': 'dir:.',
    'backstage.io/source-location': 'url:https://git.example.com/churn',
    'landingzone.ml/container-image': 'registry/churn',
    'landingzone.ml/ci': 'github-actions',
    'landingzone.ml/experiment-tracking': 'mlflow',
    'landingzone.ml/training-pipeline': 'kubeflow',
    'landingzone.ml/model-registry': 'mlflow',
    'landingzone.ml/data-validation': 'great-expectations',
    'landingzone.ml/model-card': 'docs/model-card.md',
  };
  return entity;
}

const fact = (
  type: string,
  observedAt: string,
  data: Record<string, unknown>,
): ObservedFact => ({
  entityRef: REF,
  type,
  source: 'pipeline',
  id: `${type}-${observedAt}`,
  observedAt,
  data,
});

/** The fact store as the snapshot sees it: the latest facts per entity. */
function factsReader(
  facts: ObservedFact[],
): LatestFactsReader & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    async latestFacts(refs) {
      calls.push(refs);
      const map = new Map<string, ObservedFact[]>();
      for (const f of facts) {
        if (refs.includes(f.entityRef))
          map.set(f.entityRef, [...(map.get(f.entityRef) ?? []), f]);
      }
      return map;
    },
  };
}

describe.each(databases.eachSupportedId())(
  'snapshot evaluated on facts (%p)',
  id => {
    async function setup() {
      const knex = await databases.init(id);
      await migrateDatabase(knex);
      const store = new HistoryStore(knex);
      const config = readMlopsBackendConfig(new ConfigReader({}));
      const compiled = compileMaturityModel(defaultMaturityModel);
      const snapshot = (
        entities: Entity[],
        now: string,
        facts: ObservedFact[],
        flow?: Map<string, FlowFact[]>,
      ) =>
        runSnapshot({
          catalog: catalogServiceMock({ entities }),
          credentials: mockCredentials.service(),
          store,
          config,
          logger: mockServices.logger.mock(),
          levelCount: 3,
          now: new Date(now),
          evidence: {
            compiled,
            facts: factsReader(facts),
            ...(flow ? { flow: async () => flow } : {}),
          },
        });
      const events = async () =>
        (await knex('mlops_events').orderBy(['at', 'type'])).map(event => ({
          type: fromTypeCode(event.type),
          // Stored as epoch milliseconds (a bigint, which PostgreSQL returns as text).
          at: new Date(
            /^\d+$/.test(String(event.at)) ? Number(event.at) : event.at,
          ).toISOString(),
        }));
      return { store, snapshot, events };
    }

    it('stores Level 0 for a new use case, Level 1 once its facts arrive, and 0 again when they go stale', async () => {
      const { store, snapshot } = await setup();
      await snapshot([declaredLevelOne()], '2026-03-01T10:00:00Z', []);
      expect(await store.getEntity(REF)).toMatchObject({ level: 0 });

      const facts = [
        fact('training-run', '2026-03-01T11:00:00Z', {
          runId: 'r1',
          metrics: {},
        }),
        fact('model-version', '2026-03-01T11:05:00Z', {
          model: 'churn',
          version: '1',
          aliases: [],
        }),
        fact('ci-run', '2026-03-01T11:10:00Z', {
          status: 'success',
          commit: 'c',
          imageDigest: 'sha256:1',
        }),
      ];
      await snapshot([declaredLevelOne()], '2026-03-01T12:00:00Z', facts);
      expect(await store.getEntity(REF)).toMatchObject({
        level: 1,
        observed_checks: 4,
        observable_checks: 9,
      });
      // The team's share of observed checks is part of its stored summary.
      const [team] = await store.readTeamWindows(
        30,
        'week',
        'group:default/fraud',
      );
      expect(team.summary.evidence).toEqual({
        observedChecks: 4,
        observableChecks: 9,
      });

      await snapshot([declaredLevelOne()], '2026-04-05T12:00:00Z', facts);
      const stale = await store.getEntity(REF);
      expect(stale?.level).toBe(0);
      expect(stale?.failing_checks).toContain('experiment-tracking');
    });

    it('takes reached production from the first production deployment fact, not the lifecycle', async () => {
      const { store, snapshot, events } = await setup();
      await snapshot([declaredLevelOne()], '2026-03-01T10:00:00Z', []);
      // A staging deployment is no production.
      const staging = fact('deployment', '2026-03-02T09:00:00Z', {
        environment: 'staging',
        version: '1',
      });
      await snapshot([declaredLevelOne()], '2026-03-02T10:00:00Z', [staging]);
      expect((await store.getEntity(REF))?.reached_production_at).toBeNull();

      const production = fact('deployment', '2026-03-03T08:30:00Z', {
        environment: 'production',
        version: '1',
      });
      await snapshot([declaredLevelOne()], '2026-03-03T10:00:00Z', [
        staging,
        production,
      ]);
      expect((await store.getEntity(REF))?.reached_production_at).toBe(
        '2026-03-03T08:30:00.000Z',
      );
      expect(
        (await events()).filter(e => e.type === 'reached-production'),
      ).toEqual([
        { type: 'reached-production', at: '2026-03-03T08:30:00.000Z' },
      ]);

      // A later deployment does not move it.
      const again = fact('deployment', '2026-03-09T08:00:00Z', {
        environment: 'production',
        version: '2',
      });
      await snapshot([declaredLevelOne()], '2026-03-09T10:00:00Z', [again]);
      expect((await store.getEntity(REF))?.reached_production_at).toBe(
        '2026-03-03T08:30:00.000Z',
      );
    });

    it('falls back to the lifecycle when there is no deployment fact', async () => {
      const { store, snapshot } = await setup();
      await snapshot(
        [declaredLevelOne('production')],
        '2026-03-01T10:00:00Z',
        [],
      );
      expect((await store.getEntity(REF))?.reached_production_at).toBe(
        '2026-03-01T10:00:00.000Z',
      );
    });

    it("stores each team's deployment and retraining frequency and drift recovery time", async () => {
      const { store, snapshot } = await setup();
      const day = (d: string) => Date.parse(`2026-03-${d}T12:00:00Z`);
      const flow = new Map<string, FlowFact[]>([
        [
          REF,
          [
            { kind: 'production-deployment', at: day('02') },
            { kind: 'drift-breached', at: day('10') },
            { kind: 'retraining', at: day('11') },
            { kind: 'production-deployment', at: day('12') },
          ],
        ],
      ]);
      await snapshot([declaredLevelOne()], '2026-03-20T10:00:00Z', [], flow);
      const [team] = await store.readTeamWindows(
        30,
        'week',
        'group:default/fraud',
      );
      const stored: unknown = team.summary;
      const summary = typeof stored === 'string' ? JSON.parse(stored) : stored;
      expect(summary.flow).toEqual({
        productionDeployments: 2,
        deploymentsPerWeek: 0.5,
        retrainings: 1,
        retrainingsPerWeek: 0.2,
        driftBreaches: 1,
        driftRecovered: 1,
        driftToDeployMedianHours: 48,
      });
    });
  },
);
