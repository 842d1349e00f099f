import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  mlopsScorecardReadPermission,
  mlopsUseCaseRecordPermission,
} from '@landing-zone/plugin-mlops-common';
import { Request } from 'express';
import { MlopsBackendConfig } from '../config';
import { HistoryStore } from '../database/HistoryStore';
import { ORGANISATION } from '../database/rows';
import { createOpenApiRouter, GetTeams, spec } from '../schema/openapi';
import {
  defaultPeriod,
  Period,
  emptyTeamWindowSummary,
  Window,
  WINDOW_OF_PARAM,
} from '../service/summarize';
import { readSnapshotStatus } from '../snapshot/snapshotStatus';
import { authorize, authorizeWriter } from './authorize';
import { visibleEntityRefs } from './catalogVisibility';
import { readCreatedAt, readEntityRef } from './createdEventInput';
import { nameTheField, requestGuards } from './requestGuards';
import { teamsCsv } from './csv';
import { templateAnalytics, toTeamSummary } from './responses';

export interface RouterOptions {
  store: HistoryStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  config: MlopsBackendConfig;
  logger: LoggerService;
}

/** The window and trend period a request asks for (validated against openapi.yaml). */
function readWindow(query: Pick<GetTeams['query'], 'window' | 'period'>): {
  window: Window;
  period: Period;
} {
  const window = query.window ? WINDOW_OF_PARAM[query.window] : 90;
  return { window, period: query.period ?? defaultPeriod(window) };
}

/** The REST API under /api/mlops; every route authenticates and checks a permission. */
export async function createRouter(options: RouterOptions) {
  const { store, config, catalog } = options;
  // Generated from openapi.yaml: requests are validated and handlers typed by the spec.
  // The guards run before the spec's validator: see requestGuards.ts for what they add.
  const router = await createOpenApiRouter({ middleware: requestGuards(spec) });
  const canRead = (req: Request) =>
    authorize(req, mlopsScorecardReadPermission, options);

  // Every response that names entities names only those the caller may see in the
  // catalog; figures summed over a team (its counts, levels, lead time) stay whole.
  const readSummaries = async (req: Request, query: GetTeams['query']) => {
    const credentials = await canRead(req);
    const { window, period } = readWindow(query);
    const windows = (
      await store.readTeamWindows(window, period, query.team)
    ).filter(stored => stored.teamRef !== ORGANISATION);
    const visible = await visibleEntityRefs(
      catalog,
      credentials,
      windows.map(stored => stored.teamRef),
    );
    return {
      window,
      summaries: windows
        .filter(stored => visible.has(stored.teamRef))
        .map(stored => toTeamSummary(stored.summary)),
    };
  };

  router.get('/model', async (req, res) => {
    await canRead(req);
    res.json(config.model);
  });

  router.get('/overview', async (req, res) => {
    await canRead(req);
    const { window, period } = readWindow(req.query);
    const teamRef = req.query.team ?? ORGANISATION;
    const [stored] = await store.readTeamWindows(window, period, teamRef);
    const summary =
      stored?.summary ??
      emptyTeamWindowSummary(
        teamRef,
        config.levelNames.length,
        config.value.currency,
      );
    res.json({
      window,
      generatedAt:
        (await store.getMeta('snapshot.lastAt')) ?? new Date().toISOString(),
      demo: (await store.getMeta('demo.seeded')) !== undefined,
      kpis: {
        useCases: summary.useCases,
        inProduction: summary.inProduction,
        throughput: summary.throughput,
        leadTime: summary.leadTime,
        flowLoad: summary.flowLoad,
        valueSaved: summary.valueSaved,
      },
      levels: summary.levels,
      levelNames: config.levelNames,
      trend: summary.trend,
      freshness: await readSnapshotStatus(store),
    });
  });

  router.get('/teams', async (req, res) => {
    const { window, summaries } = await readSummaries(req, req.query);
    res.json({ window, levelNames: config.levelNames, teams: summaries });
  });

  router.get('/teams.csv', async (req, res) => {
    const { window, summaries } = await readSummaries(req, req.query);
    res
      .type('text/csv')
      .attachment(`mlops-teams-${window}d.csv`)
      .send(teamsCsv(summaries, config.levelNames));
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    const credentials = await canRead(req);
    const { window, period } = readWindow(req.query);
    const teamRef = stringifyEntityRef({
      kind: 'group',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    const [stored] = await store.readTeamWindows(window, period, teamRef);
    const useCases = stored ? await store.listTeamUseCases(teamRef) : [];
    const visible = await visibleEntityRefs(catalog, credentials, [
      teamRef,
      ...useCases.map(useCase => useCase.entityRef),
    ]);
    // A team the caller may not see is indistinguishable from one without use cases.
    if (!stored || !visible.has(teamRef)) {
      throw new NotFoundError(`No ML use cases recorded for team ${teamRef}`);
    }
    res.json({
      team: toTeamSummary(stored.summary),
      useCases: useCases.filter(useCase => visible.has(useCase.entityRef)),
      levelNames: config.levelNames,
      freshness: await readSnapshotStatus(store),
    });
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await canRead(req);
    const entityRef = stringifyEntityRef({
      kind: req.params.kind,
      namespace: req.params.namespace,
      name: req.params.name,
    });
    // Asking the catalog with the caller's own credentials applies catalog read access:
    // an entity the caller may not see is indistinguishable from one that does not exist.
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) {
      throw new NotFoundError(`Entity ${entityRef} not found`);
    }
    res.json({
      entityRef,
      current: (await store.getUseCase(entityRef)) ?? null,
      events: await store.listEvents(entityRef),
      series: await store.listScores(entityRef),
    });
  });

  router.get('/templates', async (req, res) => {
    const credentials = await canRead(req);
    const templates = templateAnalytics(
      await store.listTemplateUseCases(),
      await store.countTemplateRuns(),
      config.levelNames.length,
    );
    const visible = await visibleEntityRefs(
      catalog,
      credentials,
      templates.flatMap(t => [t.templateRef, ...t.teams]),
    );
    res.json({
      levelNames: config.levelNames,
      templates: templates
        .filter(t => visible.has(t.templateRef))
        .map(t => ({ ...t, teams: t.teams.filter(team => visible.has(team)) })),
    });
  });

  router.post('/events/created', async (req, res) => {
    await authorizeWriter(req, mlopsUseCaseRecordPermission, options);
    const body = req.body;
    // body.teamRef is accepted but not stored: a use case counts for the team that owns
    // it in the catalog, and nothing reads the team a run named.
    if (body.teamRef) {
      readEntityRef('teamRef', body.teamRef);
    }
    const recorded = await store.recordCreated({
      taskId: body.taskId,
      entityRef: readEntityRef('entityRef', body.entityRef),
      templateRef: body.templateRef
        ? readEntityRef('templateRef', body.templateRef)
        : null,
      createdAt: body.createdAt
        ? readCreatedAt(body.createdAt)
        : new Date().toISOString(),
      outcome: body.outcome ?? 'succeeded',
    });
    options.logger.info(
      `mlops: created event for task ${body.taskId} ${
        recorded ? 'recorded' : 'already recorded'
      }`,
    );
    res.status(recorded ? 201 : 200).json({ recorded });
  });

  router.use(nameTheField(spec));
  return router;
}
