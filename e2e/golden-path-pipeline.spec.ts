import { expect, test } from '@playwright/test';
import {
  defaultMaturityModel,
  evaluateMaturity,
  type ObservedFact,
} from '@landing-zone/plugin-mlops-common';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  backendUrl,
  type CatalogEntity,
  findJson,
  getJson,
  openAsGuest,
  screenshotDir,
} from './helpers';
import { fillUseCaseForm } from './useCaseForm';

/*
 * Issue 12's last acceptance line, end to end with nothing stood in: a use case created from the
 * portal's form is cloned from the git repository the local publisher wrote, installed from its
 * own pinned requirements, and its training pipeline runs as its README says against a real
 * `mlflow server`. The pipeline itself reports its facts to the portal with the dev token; then
 * the project's CI workflow runs here (tests, image build and push, the ci-run fact with the
 * pushed digest), and the entity's card shows all of it observed, at Level 1.
 */

type EntityFacts = {
  facts: ObservedFact[];
  sources: Array<{ source: string; lastSuccessAt?: string }>;
};

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '..');
/** The dev token pipelines use (app-config.yaml, backend.auth.externalAccess). */
const FACTS_TOKEN = process.env.LZ_FACTS_TOKEN ?? 'lz-dev-facts-token';

let work: string | undefined;

test.afterAll(async () => {
  if (!work) return;
  // mlflow-server.sh stop ends the server by the PID it wrote (its process group, so the
  // uvicorn worker too); nothing else is touched.
  await run(path.join(repoRoot, 'scripts/mlflow-server.sh'), [
    'stop',
    path.join(work, 'mlflow'),
  ]);
  await fs.rm(work, { recursive: true, force: true });
});

/** Runs a command, returns its stdout; on failure the error carries stdout and stderr. */
async function sh(
  file: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
  const started = Date.now();
  const { stdout, stderr } = await run(file, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    maxBuffer: 32 * 1024 * 1024,
  });
  // Measured, for the report and for anyone wondering where the spec spends its time.
  console.log(
    `[golden-path-pipeline] ${path.basename(file)} ${args.join(' ')}: ${
      Date.now() - started
    } ms`,
  );
  return { stdout, stderr };
}

test('a use case created in the portal runs its pipeline against a real MLflow server and is observed on its card', async ({
  page,
  request,
}) => {
  // On a fresh clone (CI) the venv cache is cold: two virtual environments are built first
  // (the project's pins and the MLflow server's), 47 s each here from local wheels and minutes
  // from PyPI. The CI step adds the image build: ~90 s once for the base image (cached under
  // ~/.cache/landing-zone), ~100 s for the image's pip layer while requirements.txt is new to
  // buildah's layer cache, seconds after. 15 minutes is the bound for a slow index.
  test.setTimeout(15 * 60_000);

  const name = `e2e-pipeline-${Date.now().toString(36)}`;
  const entityRef = `component:default/${name}`;
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'lz-golden-path-'));

  // 1. Create the use case from the portal's form, as a data scientist does.
  await openAsGuest(page, '/create/templates/default/batch-training');
  await fillUseCaseForm(page, {
    name,
    residency: 'Canada',
    targetLevel: 'Level 1',
  });
  await page.mouse.move(1200, 20);
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(
    page.getByRole('link', { name: 'Open in the catalog' }),
  ).toBeVisible({ timeout: 90_000 });
  const repository = await page
    .getByRole('link', { name: 'Repository' })
    .getAttribute('href');
  expect(repository).toMatch(/^file:\/\//);

  // 2. Clone it, as its team would, and build its environment from its own pins.
  const clone = path.join(work, 'repo');
  await sh('git', ['clone', '--quiet', fileURLToPath(repository!), clone]);
  const venv = (
    await sh(path.join(repoRoot, 'scripts/python-venv.sh'), [
      path.join(clone, 'requirements-dev.txt'),
    ])
  ).stdout.trim();
  const python = path.join(venv, 'bin/python');

  // 3. A real MLflow server (SQLite backend, local artifacts).
  const started = await sh(path.join(repoRoot, 'scripts/mlflow-server.sh'), [
    'start',
    path.join(work, 'mlflow'),
  ]);
  const tracking = /^MLFLOW_TRACKING_URI=(\S+)$/m.exec(started.stdout)?.[1];
  expect(tracking, started.stdout).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

  // 4. The training pipeline as the project's README says (validate → train → evaluate →
  //    register, promoting the gated candidate to champion), reporting to the portal.
  const pipeline = await sh(python, ['-m', 'usecase.pipeline'], {
    cwd: clone,
    env: {
      MLFLOW_TRACKING_URI: tracking,
      LANDING_ZONE_URL: backendUrl,
      LANDING_ZONE_TOKEN: FACTS_TOKEN,
    },
  });
  const result =
    /\{'runId': '([0-9a-f]+)', 'version': '(\d+)', 'promoted': (True|False), 'champion': '(\d+)'\}/.exec(
      pipeline.stdout,
    );
  expect(result, pipeline.stdout + pipeline.stderr).not.toBeNull();
  const [, runId, version, promoted] = result!;
  expect(promoted).toBe('True');
  // A fact the portal refused is only a warning in the pipeline (training never fails on it).
  expect(pipeline.stderr).not.toContain('the portal refused the facts');
  expect(pipeline.stderr).not.toContain('is unreachable');

  // 5. The MLflow server holds what the pipeline says: the run and the champion alias on it.
  const alias = await request.get(
    `${tracking}/api/2.0/mlflow/registered-models/alias?name=${name}&alias=champion`,
  );
  expect(alias.ok(), await alias.text()).toBeTruthy();
  expect((await alias.json()).model_version).toMatchObject({
    name,
    version,
    run_id: runId,
  });

  // What the server was asked to do, from its access log: printed for whoever reads the run,
  // and the registry writes the pipeline made must be among them.
  const calls = new Map<string, number>();
  const log = await fs.readFile(path.join(work, 'mlflow/mlflow.log'), 'utf8');
  for (const [, call] of log.matchAll(
    /"((?:GET|POST|PATCH|DELETE) \/(?:api|ajax-api)\/[^?" ]+)/g,
  )) {
    calls.set(call, (calls.get(call) ?? 0) + 1);
  }
  console.log(
    `[golden-path-pipeline] mlflow server calls:\n${[...calls]
      .map(([call, count]) => `  ${count} × ${call}`)
      .join('\n')}`,
  );
  expect([...calls.keys()]).toEqual(
    expect.arrayContaining([
      'POST /api/2.0/mlflow/runs/create',
      'POST /api/2.0/mlflow/model-versions/create',
      'POST /api/2.0/mlflow/registered-models/alias',
    ]),
  );

  // 6. The facts reached the portal, from the pipeline, keyed by MLflow's ids.
  const facts = await getJson<EntityFacts>(
    request,
    `/api/mlops/entities/component/default/${name}/facts`,
  );
  const byType = new Map(facts.facts.map(f => [f.type, f]));
  expect(byType.get('training-run')).toMatchObject({
    entityRef,
    source: 'mlflow',
    id: runId,
    data: { runId, experiment: name },
  });
  expect(byType.get('model-version')).toMatchObject({
    source: 'mlflow',
    id: `${name}/${version}`,
    data: { model: name, version, aliases: ['champion'], runId },
  });
  expect(byType.get('evaluation')).toMatchObject({
    source: 'pipeline',
    data: { suite: 'champion-challenger-auc', passed: true },
  });
  expect(byType.get('retraining')).toMatchObject({
    data: { trigger: 'manual', runId },
  });
  expect(facts.sources.map(s => s.source)).toEqual(
    expect.arrayContaining(['mlflow', 'pipeline']),
  );

  // 7. Its CI, as a push to main runs it (scripts/ci-image-build.sh reads the steps from the
  //    project's .github/workflows/ci.yaml): its tests against the MLflow server, its image built
  //    from its Dockerfile with buildah, tagged with the commit and pushed to a local registry,
  //    and the project's own `report_facts ci-run` sending the pushed digest. Only the base image
  //    and the registry are local stand-ins (no registry is reachable from here).
  const ci = await sh(
    path.join(repoRoot, 'scripts/ci-image-build.sh'),
    [clone, python],
    {
      env: {
        MLFLOW_TRACKING_URI: tracking,
        LANDING_ZONE_URL: backendUrl,
        LANDING_ZONE_TOKEN: FACTS_TOKEN,
      },
    },
  );
  const built = JSON.parse(ci.stdout.trim().split('\n').pop()!) as {
    commit: string;
    digest: string;
  };
  const commit = (
    await sh('git', ['rev-parse', 'HEAD'], { cwd: clone })
  ).stdout.trim();
  expect(built.commit).toBe(commit);
  expect(built.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  const afterCi = await getJson<EntityFacts>(
    request,
    `/api/mlops/entities/component/default/${name}/facts`,
  );
  expect(afterCi.facts.find(f => f.type === 'ci-run')).toMatchObject({
    source: 'github-actions',
    data: {
      status: 'success',
      commit,
      workflow: 'ci',
      imageDigest: built.digest,
    },
  });

  // 8. The card shows every Level-1 check it can observe observed: tracking and registry from
  //    mlflow, CI and the image from the CI run.
  await expect
    .poll(
      async () =>
        (
          await findJson<CatalogEntity>(
            request,
            `/api/catalog/entities/by-name/component/default/${name}`,
          )
        )?.metadata.annotations['landingzone.ml/maturity-level'],
      { timeout: 60_000 },
    )
    .toBeDefined();
  await page.getByRole('link', { name: 'Open in the catalog' }).click();
  const card = page.getByTestId('mlops-maturity-card');
  // The card reads the facts when it loads. Reloading also rides out a dev backend that
  // restarts while the test runs (the shared tree's watch mode restarts it on any edit).
  await expect(async () => {
    await page.reload();
    await expect(card.getByTestId('check-container-image')).toContainText(
      'Observed',
      { timeout: 10_000 },
    );
  }).toPass({ timeout: 120_000 });
  for (const id of ['experiment-tracking', 'model-registry']) {
    await expect(card.getByTestId(`check-${id}`)).toContainText(
      'Observed · mlflow',
    );
  }
  for (const id of ['ci', 'container-image']) {
    await expect(card.getByTestId(`check-${id}`)).toContainText(
      'Observed · github-actions',
    );
    await expect(card.getByTestId(`check-${id}`)).not.toContainText(
      'Self-declared',
    );
  }
  // Exactly those four: no deployment is claimed (the local CI deploys nothing).
  await expect(card.getByTestId('mlops-observed-share')).toContainText(
    /^4 of \d+ observable checks observed/,
  );
  await expect(card).toContainText('L1 ·');
  const timeline = card.getByTestId('mlops-fact-timeline');
  await expect(timeline).toContainText(`training-run: run ${runId}`);
  await expect(timeline).toContainText(
    `model-version: ${name} v${version} (champion)`,
  );
  await expect(timeline).toContainText('champion-challenger-auc');
  await page.mouse.move(1200, 20);
  await page.screenshot({
    path: `${screenshotDir}/golden-path-pipeline-card.png`,
    fullPage: true,
  });

  // 9. The default model counts observations only: with these facts the use case is Level 1
  //    there too, nothing self-declared needed.
  const entity = await getJson<CatalogEntity>(
    request,
    `/api/catalog/entities/by-name/component/default/${name}`,
  );
  const strict = evaluateMaturity(entity, defaultMaturityModel, {
    facts: afterCi.facts,
  });
  const status = (id: string) =>
    strict.checks.find(c => c.id === id)?.evidence.status;
  for (const id of [
    'experiment-tracking',
    'model-registry',
    'ci',
    'container-image',
  ]) {
    expect(status(id), id).toBe('observed');
  }
  expect(strict.level).toBe(1);

  // What the MLflow server shows for the model (its own UI, served by the same server).
  await page.goto(`${tracking}/#/models/${name}`);
  await expect(page.getByText('champion').first()).toBeVisible();
  await page.screenshot({
    path: `${screenshotDir}/golden-path-pipeline-mlflow-model.png`,
    fullPage: true,
  });
});
