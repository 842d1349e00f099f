/*
 * Seconds from submitting the golden-path form to the new entity being readable from the catalog
 * API with its maturity annotations (median of 5). Needs the running portal
 * (scripts/portal-up.sh); it submits through the scaffolder REST API as the guest user, exactly
 * what the form's "Create" button posts. A program, not a test: it prints and writes figures.
 */
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  median as medianOf,
  verdict,
  writeBenchResults,
} from '../../../scripts/benchSupport';

const backend = process.env.LZ_BACKEND_URL ?? 'http://localhost:7007';
const RUNS = Number(process.env.LZ_BENCH_RUNS ?? 5);
const TIMEOUT_MS = 180_000;

async function guestToken(): Promise<string> {
  const response = await fetch(
    `${backend}/api/auth/guest/refresh?optional&env=development`,
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  const body = (await response.json()) as {
    backstageIdentity: { token: string };
  };
  return body.backstageIdentity.token;
}

async function api<T>(
  token: string,
  route: string,
  init?: RequestInit,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${backend}${route}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function createOnce(token: string, name: string, targetLevel: 1 | 2) {
  const started = performance.now();
  const task = await api<{ id: string }>(token, '/api/scaffolder/v2/tasks', {
    method: 'POST',
    body: JSON.stringify({
      templateRef: 'template:default/batch-training',
      values: {
        name,
        owner: 'group:default/ml-platform',
        businessObjective:
          'Benchmark: time from form submit to catalog entity.',
        dataClassification: 'internal',
        dataResidency: 'ca',
        computeTier: 'cpu-small',
        gpuBudget: 0,
        targetLevel,
      },
    }),
  });
  if (task.status !== 201)
    throw new Error(`task not created: ${JSON.stringify(task.body)}`);
  const ref = `component/default/${name}`;
  while (performance.now() - started < TIMEOUT_MS) {
    const entity = await api<{
      metadata: { annotations?: Record<string, string> };
    }>(token, `/api/catalog/entities/by-name/${ref}`);
    const level =
      entity.body?.metadata?.annotations?.['landingzone.ml/maturity-level'];
    if (entity.status === 200 && level !== undefined) {
      return {
        seconds: (performance.now() - started) / 1000,
        level: Number(level),
        taskId: task.body.id,
      };
    }
    const status = await api<{ status: string }>(
      token,
      `/api/scaffolder/v2/tasks/${task.body.id}`,
    );
    if (status.body.status === 'failed')
      throw new Error(`task ${task.body.id} failed`);
    await sleep(250);
  }
  throw new Error(
    `${name} not readable with maturity annotations after ${
      TIMEOUT_MS / 1000
    }s`,
  );
}

async function main() {
  const token = await guestToken();
  const stamp = Date.now().toString(36);
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await createOnce(token, `bench-${stamp}-${i}`, 1);
    console.log(
      `run ${i + 1}: ${result.seconds.toFixed(1)} s, level ${result.level}`,
    );
    samples.push(result);
  }
  const seconds = samples.map(s => s.seconds);
  const median = medianOf(seconds);
  console.log(
    `median: ${median.toFixed(
      1,
    )} s over ${RUNS} runs [target <= 30 s: ${verdict(median <= 30)}]`,
  );
  writeBenchResults('create-use-case', {
    unit: 's',
    runs: seconds,
    median,
    levels: samples.map(s => s.level),
    targetSeconds: 30,
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
