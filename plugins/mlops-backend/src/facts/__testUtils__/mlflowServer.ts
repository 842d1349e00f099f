import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = path.resolve(
  __dirname,
  '../../../../../scripts/mlflow-server.sh',
);

/**
 * A real `mlflow server` (scripts/mlflow-server.sh: pinned PyPI mlflow, SQLite backend, local
 * artifacts) for one test file. Without Python or PyPI it cannot start; then the tests say so
 * and pass only where LZ_REQUIRE_MLFLOW is unset (CI sets it, so there they fail).
 */
export async function startMlflowServer(): Promise<
  { url: string; stop: () => Promise<void> } | undefined
> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-mlflow-'));
  const stop = async () => {
    await run('bash', [script, 'stop', dir]).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const { stdout } = await run('bash', [script, 'start', dir], {
      timeout: 15 * 60_000,
    });
    const url = /MLFLOW_TRACKING_URI=(\S+)/.exec(stdout)?.[1];
    if (!url) throw new Error(`mlflow-server.sh printed no URI: ${stdout}`);
    return { url, stop };
  } catch (error) {
    await stop();
    if (process.env.LZ_REQUIRE_MLFLOW) throw error;
    // eslint-disable-next-line no-console
    console.warn(
      `MLflow server unavailable, MLflow collector tests not run: ${error}`,
    );
    return undefined;
  }
}

/** Seeds MLflow through its REST API, as a training pipeline's client would. */
export function mlflowApi(url: string) {
  return async (method: 'GET' | 'POST', apiPath: string, body?: unknown) => {
    const response = await fetch(`${url}/api/2.0/mlflow/${apiPath}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(
        `${apiPath}: HTTP ${response.status} ${JSON.stringify(json)}`,
      );
    }
    return json as any;
  };
}
