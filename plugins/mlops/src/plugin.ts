import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { MlopsClient, mlopsApiRef } from './api';
import {
  rootRouteRef,
  scaffolderRootRouteRef,
  scaffolderTemplateRouteRef,
  teamRouteRef,
} from './routes';

/**
 * The Landing Zone MLOps plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const mlopsPlugin = createPlugin({
  id: 'mlops',
  apis: [
    createApiFactory({
      api: mlopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MlopsClient(deps),
    }),
  ],
  routes: { root: rootRouteRef, team: teamRouteRef },
  externalRoutes: {
    scaffolderTemplate: scaffolderTemplateRouteRef,
    scaffolderRoot: scaffolderRootRouteRef,
  },
});

/**
 * The overview page: KPIs, level distribution, trends, team table, templates tab.
 *
 * @public
 */
export const MlopsOverviewPage = mlopsPlugin.provide(
  createRoutableExtension({
    name: 'MlopsOverviewPage',
    component: () =>
      import('./components/OverviewPage/MlopsOverviewPage').then(
        m => m.MlopsOverviewPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * Maturity card for ML Component entity pages (use with `isMlopsEntity`).
 *
 * @public
 */
export const EntityMlopsMaturityCard = mlopsPlugin.provide(
  createComponentExtension({
    name: 'EntityMlopsMaturityCard',
    component: {
      lazy: () =>
        import('./components/MaturityCard/EntityMaturityCard').then(
          m => m.EntityMaturityCard,
        ),
    },
  }),
);

/**
 * Team scorecard, the content of an "MLOps" tab on Group entity pages.
 *
 * @public
 */
export const EntityMlopsTeamScorecardContent = mlopsPlugin.provide(
  createComponentExtension({
    name: 'EntityMlopsTeamScorecardContent',
    component: {
      lazy: () =>
        import('./components/TeamScorecard/EntityTeamScorecardContent').then(
          m => m.EntityTeamScorecardContent,
        ),
    },
  }),
);

/**
 * Template analytics for the platform team: usage, teams and levels reached per template.
 *
 * @public
 */
export const MlopsTemplateAnalyticsCard = mlopsPlugin.provide(
  createComponentExtension({
    name: 'MlopsTemplateAnalyticsCard',
    component: {
      lazy: () =>
        import('./components/TemplateAnalytics/TemplateAnalyticsCard').then(
          m => m.TemplateAnalyticsCard,
        ),
    },
  }),
);
