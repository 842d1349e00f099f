/*
 * Probe (issue 13.1): >= 2,000 malformed ML entities in the catalog, on PostgreSQL.
 * Every snapshot must succeed and record every well-formed entity; an unstorable malformed
 * one is skipped with a warning that names it. An "escape" is a failed snapshot or a
 * well-formed entity missing. Run: ./lz yarn node scripts/probes/run.js malformed-entities
 */
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { readMlopsBackendConfig } from '../../plugins/mlops-backend/src/config';
import { HistoryStore } from '../../plugins/mlops-backend/src/database/HistoryStore';
import { migrateDatabase } from '../../plugins/mlops-backend/src/database/migrateDatabase';
import { runSnapshot } from '../../plugins/mlops-backend/src/snapshot/runSnapshot';

const PG =
  process.env.LZ_PROBE_PG ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const MALFORMED = 2_100;
const WELL_FORMED = 100;

const long = (n: number) => 'x'.repeat(n);
/** Ways a catalog entity can be odd and still be accepted by the catalog (or a processor). */
const malformations: Array<(e: any, i: number) => void> = [
  e => (e.metadata.title = long(300)),
  e => (e.metadata.title = long(100_000)),
  e => (e.metadata.title = 'nul\u0000title'),
  e => (e.metadata.title = '\ud800 lone surrogate'),
  e => (e.metadata.title = '💥 emoji ✓ ünïcödé'),
  e => (e.spec.lifecycle = `l${long(400)}`),
  e => (e.spec.lifecycle = 'nul\u0000'),
  e => (e.spec.lifecycle = 42),
  e => (e.spec.type = `ml-model`),
  e => (e.spec.owner = `group:default/${long(300)}`),
  e => (e.spec.owner = 'not a ref at all//::'),
  e => (e.spec.owner = ''),
  e => (e.spec.owner = { nested: true }),
  e =>
    (e.metadata.annotations[
      'backstage.io/source-template'
    ] = `template:default/${long(500)}`),
  e => (e.metadata.annotations['backstage.io/source-template'] = 'tmpl\u0000'),
  e => (e.metadata.annotations['landingzone.ml/maturity-level'] = '999'),
  e => (e.metadata.annotations['landingzone.ml/maturity-level'] = '-1'),
  e => (e.metadata.annotations['landingzone.ml/maturity-level'] = '1e9'),
  e => (e.metadata.annotations['landingzone.ml/maturity-score'] = '101'),
  e => (e.metadata.annotations['landingzone.ml/failing-checks'] = long(50_000)),
  e => (e.metadata.annotations['landingzone.ml/failing-checks'] = 'a\u0000b'),
  e =>
    (e.metadata.annotations['landingzone.ml/created-at'] =
      '2016-12-31T23:59:60Z'),
  e =>
    (e.metadata.annotations['landingzone.ml/created-at'] =
      '+275760-09-13T00:00:00Z'),
  e => (e.metadata.annotations['landingzone.ml/created-at'] = 'yesterday'),
  e => (e.metadata.annotations = undefined),
];

function component(name: string): any {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'landingzone.ml/maturity-level': '1',
        'landingzone.ml/maturity-score': '50',
        'landingzone.ml/failing-checks': 'cd',
      },
    },
    spec: {
      type: 'ml-model',
      lifecycle: 'experimental',
      owner: 'group:default/fraud',
    },
  };
}

async function main() {
  const database = `lz_probe_entities_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: PG });
  await admin.raw(`create database ${database}`);
  const url = new URL(PG);
  url.pathname = `/${database}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString() });
  const warnings: string[] = [];
  const logger: any = {
    info: () => {},
    debug: () => {},
    error: (m: string) => warnings.push(m),
    warn: (m: string) => warnings.push(m),
    child: () => logger,
  };
  try {
    await migrateDatabase(knex);
    const store = new HistoryStore(knex);
    const config = readMlopsBackendConfig(new ConfigReader({}));
    const levelCount = config.levelNames.length;
    let failedSnapshots = 0;
    let skipped = 0;
    let missing = 0;
    for (let round = 0; round < 3; round++) {
      const entities: Entity[] = [];
      for (let i = 0; i < WELL_FORMED; i++) {
        entities.push(component(`good-${i}`));
      }
      for (let i = 0; i < MALFORMED; i++) {
        const entity = component(`odd-${i}`);
        // Each round gives an entity another malformation: values change between snapshots.
        malformations[(i + round) % malformations.length](entity, i);
        entities.push(entity);
      }
      warnings.length = 0;
      try {
        const result = await runSnapshot({
          catalog: catalogServiceMock({ entities }),
          credentials: {} as any,
          store,
          config,
          logger,
          levelCount,
          now: new Date(Date.UTC(2026, 10, 1 + round, 10)),
        });
        skipped = result.skipped;
      } catch (error) {
        failedSnapshots += 1;
        console.error(`snapshot ${round} failed: ${error}`);
      }
      for (let i = 0; i < WELL_FORMED; i++) {
        if (!(await store.getEntity(`component:default/good-${i}`)))
          missing += 1;
      }
    }
    const stored = await knex('mlops_entities').count({ n: '*' });
    const summary = {
      database: 'PostgreSQL',
      entitiesPerSnapshot: WELL_FORMED + MALFORMED,
      malformedPerSnapshot: MALFORMED,
      snapshots: 3,
      failedSnapshots,
      wellFormedMissing: missing,
      storedEntities: Number(stored[0].n),
      skippedInLastSnapshot: skipped,
      warningsNamingEntity: warnings.filter(w =>
        /skipped "component:default\/odd-\d+"/.test(w),
      ).length,
      escapes: failedSnapshots + missing,
    };
    console.log(JSON.stringify(summary, null, 2));
    process.exitCode = summary.escapes === 0 ? 0 : 1;
  } finally {
    await knex.destroy();
    await admin.raw(`drop database if exists ${database}`);
    await admin.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
