/**
 * The few calls of MLflow's documented REST API (/api/2.0/mlflow, MLflow 2 and 3) the
 * collector needs. A "does not exist" answer is a result (`undefined`); anything else that
 * is not a JSON object with the expected shape throws, so the run fails and stores nothing.
 */

export interface MlflowRun {
  info: {
    run_id: string;
    status?: string;
    start_time?: number | string;
    end_time?: number | string;
    experiment_id?: string;
  };
  data?: {
    metrics?: Array<{ key: string; value: unknown }>;
    params?: Array<{ key: string; value: unknown }>;
    tags?: Array<{ key: string; value: unknown }>;
  };
  inputs?: {
    dataset_inputs?: Array<{ dataset?: { digest?: string; name?: string } }>;
  };
}

export interface MlflowModelVersion {
  name: string;
  version: string;
  creation_timestamp?: number | string;
  current_stage?: string;
  run_id?: string;
  status?: string;
}

export interface MlflowRegisteredModel {
  name: string;
  aliases?: Array<{ alias: string; version: string }>;
}

const REQUEST_TIMEOUT_MS = 30_000;

export class MlflowClient {
  constructor(
    private readonly baseUrl: string,
    private readonly options: { token?: string; signal?: AbortSignal } = {},
  ) {}

  private async call(
    path: string,
    init: { query?: Record<string, string>; body?: unknown } = {},
  ): Promise<Record<string, unknown> | undefined> {
    const url = new URL(`${this.baseUrl}/api/2.0/mlflow/${path}`);
    for (const [k, v] of Object.entries(init.query ?? {}))
      url.searchParams.set(k, v);
    const signals = [AbortSignal.timeout(REQUEST_TIMEOUT_MS)];
    if (this.options.signal) signals.push(this.options.signal);
    const response = await fetch(url, {
      method: init.body ? 'POST' : 'GET',
      headers: {
        'Content-Type': 'application/json',
        ...(this.options.token
          ? { Authorization: `Bearer ${this.options.token}` }
          : {}),
      },
      body: init.body ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.any(signals),
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(
        `MLflow ${path} answered HTTP ${response.status} with a body that is not JSON`,
      );
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new Error(
        `MLflow ${path} answered HTTP ${response.status} with JSON that is not an object`,
      );
    }
    const record = body as Record<string, unknown>;
    if (
      response.status === 404 &&
      record.error_code === 'RESOURCE_DOES_NOT_EXIST'
    ) {
      return undefined;
    }
    if (!response.ok) {
      throw new Error(
        `MLflow ${path} answered HTTP ${response.status}: ${String(
          record.message ?? record.error_code ?? '',
        ).slice(0, 200)}`,
      );
    }
    return record;
  }

  private static list<T>(
    body: Record<string, unknown> | undefined,
    key: string,
    path: string,
  ): T[] {
    const value = body?.[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      throw new Error(`MLflow ${path}: "${key}" is not a list`);
    }
    return value as T[];
  }

  /** The experiment by id (digits) or name, or undefined when MLflow has none. */
  async getExperiment(
    idOrName: string,
  ): Promise<{ experiment_id: string; name: string } | undefined> {
    const body = /^\d+$/.test(idOrName)
      ? await this.call('experiments/get', {
          query: { experiment_id: idOrName },
        })
      : await this.call('experiments/get-by-name', {
          query: { experiment_name: idOrName },
        });
    if (!body) return undefined;
    const experiment = body.experiment as
      | { experiment_id?: unknown; name?: unknown }
      | undefined;
    if (
      typeof experiment?.experiment_id !== 'string' ||
      typeof experiment.name !== 'string'
    ) {
      throw new Error(
        'MLflow experiments/get: answer has no experiment id and name',
      );
    }
    return { experiment_id: experiment.experiment_id, name: experiment.name };
  }

  async searchRuns(
    experimentId: string,
    maxResults: number,
  ): Promise<MlflowRun[]> {
    const body = await this.call('runs/search', {
      body: {
        experiment_ids: [experimentId],
        max_results: maxResults,
        order_by: ['attributes.start_time DESC'],
      },
    });
    const runs = MlflowClient.list<MlflowRun>(body, 'runs', 'runs/search');
    for (const run of runs) {
      if (typeof run?.info?.run_id !== 'string') {
        throw new Error('MLflow runs/search: a run has no run_id');
      }
    }
    return runs;
  }

  async searchRegisteredModels(name: string): Promise<MlflowRegisteredModel[]> {
    const body = await this.call('registered-models/search', {
      query: {
        filter: `name='${name.replace(/'/g, "\\'")}'`,
        max_results: '10',
      },
    });
    return MlflowClient.list<MlflowRegisteredModel>(
      body,
      'registered_models',
      'registered-models/search',
    ).filter(model => model?.name === name);
  }

  async searchModelVersions(filter: string): Promise<MlflowModelVersion[]> {
    const body = await this.call('model-versions/search', {
      query: { filter, max_results: '200' },
    });
    const versions = MlflowClient.list<MlflowModelVersion>(
      body,
      'model_versions',
      'model-versions/search',
    );
    for (const v of versions) {
      if (typeof v?.name !== 'string' || typeof v.version !== 'string') {
        throw new Error(
          'MLflow model-versions/search: a version has no name or version',
        );
      }
    }
    return versions;
  }
}
