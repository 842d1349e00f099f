import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { makeValidator } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { ScaffolderTask } from '@backstage/plugin-scaffolder-common';
import { HistoryStore } from '../database/HistoryStore';
import { RunRow } from '../database/rows';
import { dayOf } from '../service/stats';

/** How many of the newest failed tasks each snapshot looks at; older ones were seen before. */
export const FAILED_RUNS_PAGE = 200;

/** The step that makes a template a golden path: it records the use case it creates. */
const RECORD_ACTION_ID = 'mlops:usecase:record';

/** A run often failed because its name was not one the catalog takes; it names no use case. */
const { isValidEntityName } = makeValidator();

/**
 * The failed runs of golden-path templates, read from the scaffolder. A run that fails never
 * reaches its `mlops:usecase:record` step, so without this the template analytics would only
 * ever see successes. Only templates with that step are golden paths; tasks older than
 * `sinceDay` (the retention cutoff) are left out, so runs retention deleted do not come back.
 */
// Why not @backstage/plugin-scaffolder-common's ScaffolderClient: its listTasks asks for a
// user identity (createdBy) and cannot filter by status or order, so it would page through
// every task; the generated client that can is internal to that package. The request is
// written here against the scaffolder's documented /v2/tasks query, its answer typed by
// scaffolder-common's ScaffolderTask.
export async function readFailedRuns(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  sinceDay: string;
}): Promise<RunRow[]> {
  const { discovery, auth, sinceDay } = options;
  const baseUrl = await discovery.getBaseUrl('scaffolder');
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf: await auth.getOwnServiceCredentials(),
    targetPluginId: 'scaffolder',
  });
  const query = new URLSearchParams({
    status: 'failed',
    order: 'desc:created_at',
    limit: String(FAILED_RUNS_PAGE),
  });
  const response = await fetch(`${baseUrl}/v2/tasks?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  const body: { tasks?: ScaffolderTask[] } = await response.json();
  return (body.tasks ?? []).flatMap(task => {
    const templateRef = task.spec?.templateInfo?.entityRef;
    const name = task.spec?.parameters?.name;
    const goldenPath = task.spec?.steps?.some(
      step => step.action === RECORD_ACTION_ID,
    );
    if (
      !goldenPath ||
      !templateRef ||
      !isValidEntityName(name) ||
      typeof name !== 'string' ||
      dayOf(task.createdAt) < sinceDay
    ) {
      return [];
    }
    return [
      {
        task_id: task.id,
        entity_ref: `component:default/${name}`,
        template_ref: templateRef,
        outcome: 'failed' as const,
        at: new Date(task.createdAt).toISOString(),
      },
    ];
  });
}

/**
 * Records the scaffolder's failed golden-path runs; each task once, however often it is seen.
 * The scaffolder being absent or refusing is a warning, not a failed snapshot: the history
 * of the catalog does not depend on it.
 */
export async function importFailedRuns(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  store: HistoryStore;
  logger: LoggerService;
  sinceDay: string;
}): Promise<number> {
  let runs: RunRow[];
  try {
    runs = await readFailedRuns(options);
  } catch (error) {
    options.logger.warn(
      `mlops: could not read failed template runs from the scaffolder: ${
        (error as Error).message
      }`,
    );
    return 0;
  }
  // One batch insert: a snapshot sees the same failed tasks again and again.
  return options.store.insertRuns(runs);
}
