import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityHistoryResponse,
  mlopsScorecardReadPermission,
  mlopsUseCaseRecordPermission,
  OverviewResponse,
  TeamDetailResponse,
  TeamsResponse,
  TemplatesResponse,
  Window,
} from '@landing-zone/plugin-mlops-common';
import { Request, Router } from 'express';
import { MlopsBackendConfig } from '../config';
import { HistoryStore } from '../database/HistoryStore';
import { ORGANISATION } from '../database/rows';
import { spec } from '../schema/openapi.generated';
import { defaultPeriod, Period } from '../service/summarize';
import { TeamWindowSummary } from '../snapshot/refreshRollups';
import { authorize } from './authorize';
import { teamsCsv } from './csv';
import {
  templateAnalytics,
  toTeamSummary,
  toUseCaseEvent,
  toUseCaseSummary,
} from './responses';

export interface RouterOptions {
  store: HistoryStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  config: MlopsBackendConfig;
  logger: LoggerService;
}

/** Query parameters were validated against openapi.yaml before a handler runs. */
function readWindow(req: Request): { window: Window; period: Period } {
  const window = Number(req.query.window ?? 90) as Window;
  const period =
    (req.query.period as Period | undefined) ?? defaultPeriod(window);
  return { window, period };
}

function emptySummary(
  teamRef: string,
  config: MlopsBackendConfig,
): TeamWindowSummary {
  return {
    teamRef,
    title: teamRef,
    useCases: 0,
    inProduction: 0,
    levels: config.levelNames.map(() => 0),
    averageLevel: 0,
    averageScore: 0,
    throughput: 0,
    leadTime: { medianDays: null, p85Days: null, count: 0 },
    flowLoad: 0,
    trend: [],
    valueSaved: { hours: 0, currency: config.value.currency, amount: 0 },
  };
}

/** The REST API under /api/mlops; every route authenticates and checks a permission. */
export async function createRouter(options: RouterOptions) {
  const { store, config, catalog } = options;
  // The spec validates requests; response bodies are typed by the shared wire types
  // (which the frontend compiles against), so the router is used as a plain one.
  const router: Router = createValidatedOpenApiRouter(spec);
  const canRead = (req: Request) =>
    authorize(req, mlopsScorecardReadPermission, options);

  const readSummaries = async (req: Request) => {
    const { window, period } = readWindow(req);
    const team = req.query.team as string | undefined;
    const rows = await store.readTeamWindows(window, period, team);
    return {
      window,
      summaries: rows
        .filter(row => row.team_ref !== ORGANISATION)
        .map(row => toTeamSummary(JSON.parse(row.summary))),
    };
  };

  router.get('/overview', async (req, res) => {
    await canRead(req);
    const { window, period } = readWindow(req);
    const teamRef = (req.query.team as string | undefined) ?? ORGANISATION;
    const [row] = await store.readTeamWindows(window, period, teamRef);
    const summary: TeamWindowSummary = row
      ? JSON.parse(row.summary)
      : emptySummary(teamRef, config);
    const body: OverviewResponse = {
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
    };
    res.json(body);
  });

  router.get('/teams', async (req, res) => {
    await canRead(req);
    const { window, summaries } = await readSummaries(req);
    const body: TeamsResponse = {
      window,
      levelNames: config.levelNames,
      teams: summaries,
    };
    res.json(body);
  });

  router.get('/teams.csv', async (req, res) => {
    await canRead(req);
    const { window, summaries } = await readSummaries(req);
    res
      .type('text/csv')
      .attachment(`mlops-teams-${window}d.csv`)
      .send(teamsCsv(summaries, config.levelNames));
  });

  router.get('/teams/:namespace/:name', async (req, res) => {
    await canRead(req);
    const { window, period } = readWindow(req);
    const teamRef = stringifyEntityRef({
      kind: 'group',
      namespace: req.params.namespace,
      name: req.params.name,
    });
    const [row] = await store.readTeamWindows(window, period, teamRef);
    if (!row) {
      throw new NotFoundError(`No ML use cases recorded for team ${teamRef}`);
    }
    const body: TeamDetailResponse = {
      team: toTeamSummary(JSON.parse(row.summary)),
      useCases: (await store.listTeamEntities(teamRef)).map(toUseCaseSummary),
    };
    res.json(body);
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
    const current = await store.getEntity(entityRef);
    const body: EntityHistoryResponse = {
      entityRef,
      current:
        current && current.removed_at === null
          ? toUseCaseSummary(current)
          : null,
      events: (await store.listEvents(entityRef)).map(toUseCaseEvent),
      series: (await store.listScores(entityRef)).map(s => ({
        day: s.day,
        level: s.level,
        score: s.score,
      })),
    };
    res.json(body);
  });

  router.get('/templates', async (req, res) => {
    await canRead(req);
    const body: TemplatesResponse = {
      levelNames: config.levelNames,
      templates: templateAnalytics(
        await store.listTemplateUseCases(),
        await store.countTemplateRuns(),
        config.levelNames.length,
      ),
    };
    res.json(body);
  });

  router.post('/events/created', async (req, res) => {
    await authorize(req, mlopsUseCaseRecordPermission, options, {
      allowServices: true,
    });
    const body = req.body;
    // body.teamRef is accepted but not stored: a use case counts for the team that owns
    // it in the catalog, and nothing reads the team a run named.
    const recorded = await store.recordCreated({
      taskId: body.taskId,
      entityRef: body.entityRef,
      templateRef: body.templateRef ?? null,
      createdAt: new Date(body.createdAt ?? Date.now()).toISOString(),
      outcome: body.outcome ?? 'succeeded',
    });
    options.logger.info(
      `mlops: created event for task ${body.taskId} ${
        recorded ? 'recorded' : 'already recorded'
      }`,
    );
    res.status(recorded ? 201 : 200).json({ recorded });
  });

  return router;
}
