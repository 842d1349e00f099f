import { ResponseError } from '@backstage/errors';
import {
  OverviewResponse,
  TeamDetailResponse,
  TeamSummary,
  TeamsResponse,
  TemplatesResponse,
  TrendPoint,
  defaultMaturityModel,
} from '@landing-zone/plugin-mlops-common';
import { MlopsApi, Window } from '../api';

export const LEVEL_NAMES = ['Manual', 'Automated', 'Self-serve'];

export const trend = (points: number): TrendPoint[] =>
  Array.from({ length: points }, (_, index) => ({
    period: `2026-0${1 + (index % 9)}-01`,
    throughput: index % 3,
    leadTimeMedianDays: index % 3 ? 12 + index : null,
    created: 2,
    averageLevel: 0.5 + index * 0.1,
  }));

export function overview(
  window: Window = 90,
  overrides: Partial<OverviewResponse['kpis']> = {},
): OverviewResponse {
  return {
    window,
    generatedAt: '2026-11-23T10:00:00Z',
    demo: false,
    kpis: {
      useCases: 42,
      inProduction: 17,
      throughput: 9,
      leadTime: { medianDays: 23.4, p85Days: 51, count: 9 },
      flowLoad: 25,
      valueSaved: { hours: 1560, currency: 'USD', amount: 187200 },
      ...overrides,
    },
    levels: [10, 22, 10],
    levelNames: LEVEL_NAMES,
    trend: trend(6),
  };
}

export function team(
  name: string,
  overrides: Partial<TeamSummary> = {},
): TeamSummary {
  return {
    teamRef: `group:default/${name}`,
    title: name
      .split('-')
      .map(word => word[0].toLocaleUpperCase('en-US') + word.slice(1))
      .join(' '),
    useCases: 5,
    inProduction: 2,
    levels: [1, 3, 1],
    averageLevel: 1,
    averageScore: 61.2,
    throughput: 1,
    leadTime: { medianDays: 30, p85Days: 40, count: 1 },
    flowLoad: 3,
    trend: trend(4),
    ...overrides,
  };
}

export const teams = (window: Window = 90): TeamsResponse => ({
  window,
  levelNames: LEVEL_NAMES,
  teams: [
    team('fraud-analytics', { useCases: 12, averageLevel: 1.67 }),
    team('churn-insights', {
      useCases: 3,
      averageLevel: 0.33,
      leadTime: { medianDays: null, p85Days: null, count: 0 },
    }),
  ],
});

export const teamDetail = (): TeamDetailResponse => ({
  team: team('fraud-analytics', {
    useCases: 2,
    inProduction: 1,
    levels: [0, 1, 1],
  }),
  levelNames: LEVEL_NAMES,
  useCases: [
    {
      entityRef: 'component:default/fraud-scoring',
      title: 'Fraud scoring',
      type: 'ml-model',
      lifecycle: 'production',
      level: 2,
      score: 95,
      failingChecks: [],
      createdAt: '2026-03-01T00:00:00Z',
      reachedProductionAt: '2026-04-10T00:00:00Z',
      template: 'template:default/batch-training',
    },
    {
      entityRef: 'component:default/chargeback-predictor',
      title: 'Chargeback predictor',
      type: 'ml-pipeline',
      lifecycle: 'experimental',
      level: 1,
      score: 58,
      failingChecks: ['monitoring', 'drift-detection'],
      createdAt: '2026-09-01T00:00:00Z',
      reachedProductionAt: null,
      template: null,
    },
  ],
});

export const templates = (): TemplatesResponse => ({
  levelNames: LEVEL_NAMES,
  templates: [
    {
      templateRef: 'template:default/llm-app',
      useCases: 2,
      teams: ['group:default/support-ai'],
      levels: [1, 1, 0],
      inProduction: 0,
      runs: { succeeded: 2, failed: 1 },
    },
    {
      templateRef: 'template:default/batch-training',
      useCases: 7,
      teams: ['group:default/fraud-analytics', 'group:default/churn-insights'],
      levels: [0, 4, 3],
      inProduction: 5,
      runs: { succeeded: 7, failed: 0 },
    },
  ],
});

/** An MlopsApi whose every method is a jest mock answering with the fixtures above. */
export function fakeMlopsApi(
  overrides: Partial<Record<keyof MlopsApi, jest.Mock>> = {},
): jest.Mocked<MlopsApi> {
  const api = {
    // The default model stands for what the backend serves when mlops.maturity is unset.
    getMaturityModel: jest.fn(async () => defaultMaturityModel),
    getOverview: jest.fn(async (window: Window) => overview(window)),
    getTeams: jest.fn(async (window: Window) => teams(window)),
    getTeam: jest.fn(async () => teamDetail()),
    getEntityHistory: jest.fn(async () => ({
      entityRef: 'component:default/fraud-scoring',
      current: null,
      events: [],
      series: [
        { day: '2026-10-01', level: 0, score: 20 },
        { day: '2026-11-01', level: 1, score: 64 },
      ],
    })),
    getTemplates: jest.fn(async () => templates()),
    getTeamsCsv: jest.fn(async () => 'team,useCases\n'),
    ...overrides,
  };
  return api as unknown as jest.Mocked<MlopsApi>;
}

/** A real ResponseError, as MlopsClient throws it for an error answer. */
export function responseError(statusCode: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: {
          name: statusCode === 404 ? 'NotFoundError' : 'Error',
          message,
        },
        response: { statusCode },
      }),
      {
        status: statusCode,
        statusText: statusCode === 404 ? 'Not Found' : 'Internal Server Error',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}
