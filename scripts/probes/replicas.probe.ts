/*
 * Probe (issue 13.5): replica processes of the mlops backend on one fresh PostgreSQL.
 *  1. Two replicas start together on a fresh database: count snapshots over several
 *     cadences (expected: one per cadence, never two).
 *  2. kill -9 the replica that is in the middle of a snapshot: seconds until the other
 *     completes one (expected: under 60).
 *  3. Restart the killed replica: extra snapshot runs caused by the start (expected: 0).
 * Each replica is a real backend process (Backstage's createBackend with its default
 * services, real scheduler) running the mlops plugin; its catalog is an in-memory stand-in
 * whose pages are slowed down so a snapshot takes a few seconds and can be killed midway.
 * Run: ./lz yarn node scripts/probes/run.js replicas
 */
import { createBackend } from '@backstage/backend-defaults';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { mlopsPlugin } from '../../plugins/mlops-backend/src/plugin';

const PG =
  process.env.LZ_PROBE_PG ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const CADENCE_S = 20;
const OBSERVE_S = 4 * CADENCE_S + 10;
const ENTITIES = 2_000;
const PAGE_DELAY_MS = 1_500;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Replica mode: a backend with the mlops plugin and a slow in-memory catalog. */
async function replica() {
  const entities = Array.from({ length: ENTITIES }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `uc-${i}`,
      namespace: 'default',
      annotations: {
        'landingzone.ml/maturity-level': '1',
        'landingzone.ml/maturity-score': '50',
      },
    },
    spec: {
      type: 'ml-model',
      lifecycle: 'experimental',
      owner: 'group:default/fraud',
    },
  }));
  const slowCatalog = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => {
      const inner: any = catalogServiceMock({ entities });
      return new Proxy(inner, {
        get(target, prop) {
          if (prop === 'streamEntities') {
            return async function* stream(request: any, options: any) {
              for await (const page of target.streamEntities(
                request,
                options,
              )) {
                await sleep(PAGE_DELAY_MS);
                yield page;
              }
            };
          }
          const value = target[prop];
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  });
  const backend = createBackend();
  backend.add(mlopsPlugin);
  backend.add(slowCatalog);
  await backend.start();
}

function startReplica(configFile: string, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a');
  return spawn(
    process.execPath,
    [process.env.LZ_PROBE_BUNDLE!, 'replica', '--config', configFile],
    {
      stdio: ['ignore', out, out],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

async function main() {
  if (process.argv[2] === 'replica') {
    await replica();
    return;
  }
  const prefix = `lz_probe_${Date.now().toString(36)}_`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-replicas-'));
  const pg = new URL(PG);
  const config = (port: number) => {
    const file = path.join(work, `replica-${port}.yaml`);
    fs.writeFileSync(
      file,
      JSON.stringify({
        backend: {
          baseUrl: `http://127.0.0.1:${port}`,
          listen: { port },
          database: {
            client: 'pg',
            prefix,
            connection: {
              host: pg.hostname,
              port: Number(pg.port || 5432),
              user: decodeURIComponent(pg.username),
              password: decodeURIComponent(pg.password) || 'unused',
            },
          },
        },
        mlops: {
          history: {
            schedule: {
              frequency: { seconds: CADENCE_S },
              timeout: { minutes: 2 },
            },
          },
        },
      }),
    );
    return file;
  };
  const admin = knexFactory({ client: 'pg', connection: PG });
  const url = new URL(PG);
  url.pathname = `/${prefix}mlops`;
  let db: ReturnType<typeof knexFactory> | undefined;
  const replicas = new Map<number, ChildProcess>();
  const ports = [7300 + Math.floor(Math.random() * 500), 0];
  ports[1] = ports[0] + 1;
  try {
    for (const port of ports) {
      replicas.set(
        port,
        startReplica(config(port), path.join(work, `${port}.log`)),
      );
    }
    // The database appears when the first replica creates it.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      try {
        db = knexFactory({
          client: 'pg',
          connection: url.toString(),
          pool: { min: 0, max: 2 },
        });
        await db('mlops_meta').select(1).limit(1);
        break;
      } catch {
        await db?.destroy();
        db = undefined;
        await sleep(1000);
      }
    }
    if (!db) throw new Error('the replicas never created the mlops database');
    const runs = async () =>
      Number(
        (await db!('mlops_meta').where({ key: 'snapshot.runs' }).first())
          ?.value ?? 0,
      );
    const lastAt = async () =>
      (await db!('mlops_meta').where({ key: 'snapshot.lastAt' }).first())
        ?.value;

    // 1. Snapshots over several cadences.
    while ((await runs()) === 0 && Date.now() < deadline) await sleep(500);
    const firstAt = Date.now();
    const completions: number[] = [];
    let seen = await lastAt();
    while (Date.now() - firstAt < OBSERVE_S * 1000) {
      const at = await lastAt();
      if (at !== seen) {
        completions.push(Date.parse(at));
        seen = at;
      }
      await sleep(250);
    }
    const observedRuns = await runs();
    const gaps = completions
      .map((t, i) => (i ? Math.round((t - completions[i - 1]) / 1000) : 0))
      .slice(1);

    // 2. kill -9 the replica holding the lease mid-snapshot.
    let holder: string | null = null;
    while (!holder) {
      holder = (await db('mlops_snapshot_lease').first())?.holder ?? null;
      if (!holder) await sleep(100);
    }
    const victimPid = Number(holder.split(':')[1]);
    const [victimPort, victim] = [...replicas].find(
      ([, p]) => p.pid === victimPid,
    )!;
    const before = await runs();
    const killedAt = Date.now();
    victim.kill('SIGKILL');
    while ((await runs()) === before && Date.now() - killedAt < 180_000)
      await sleep(250);
    const resumedAfterS = (Date.now() - killedAt) / 1000;

    // 3. Restart it: no extra run.
    const afterResume = await runs();
    const restartedAt = Date.now();
    replicas.set(
      victimPort,
      startReplica(config(victimPort), path.join(work, `${victimPort}.log`)),
    );
    await sleep(15_000);
    const sinceRestart = await runs();
    const cadencesPassed = Math.floor(
      (Date.now() - restartedAt) / (CADENCE_S * 1000),
    );

    console.log(
      JSON.stringify(
        {
          database: 'PostgreSQL, fresh',
          replicas: 2,
          cadenceSeconds: CADENCE_S,
          observedSeconds: OBSERVE_S,
          snapshotsCompleted: observedRuns,
          secondsBetweenSnapshots: gaps,
          killedMidSnapshot: {
            pid: victimPid,
            snapshotResumedAfterSeconds: resumedAfterS,
          },
          restart: { extraRuns: sinceRestart - afterResume, cadencesPassed },
        },
        null,
        2,
      ),
    );
    process.exitCode =
      resumedAfterS < 60 && gaps.every(g => g >= CADENCE_S * 0.8) ? 0 : 1;
  } finally {
    for (const child of replicas.values()) child.kill('SIGKILL');
    await db?.destroy();
    await sleep(1000);
    const { rows } = await admin.raw(
      'select datname from pg_database where datname like ?',
      [`${prefix}%`],
    );
    for (const { datname } of rows) {
      await admin.raw(`drop database if exists "${datname}" with (force)`);
    }
    await admin.destroy();
    console.log(`replica logs: ${work}`);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
