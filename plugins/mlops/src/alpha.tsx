import TimelineIcon from '@material-ui/icons/Timeline';
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { MlopsClient, mlopsApiRef } from './api';
import { isMlopsEntity } from './isMlopsEntity';
import {
  rootRouteRef,
  scaffolderRootRouteRef,
  scaffolderTemplateRouteRef,
  teamRouteRef,
} from './routes';

const mlopsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: mlopsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new MlopsClient(deps),
    }),
});

// Title and icon make the app put the page in the navigation (NavItemBlueprint is gone).
const mlopsPage = PageBlueprint.make({
  params: {
    path: '/mlops',
    title: 'MLOps maturity',
    icon: <TimelineIcon />,
    routeRef: rootRouteRef,
    noHeader: true,
    loader: () =>
      import('./components/OverviewPage/MlopsOverviewPage').then(m => (
        <m.MlopsOverviewPage />
      )),
  },
});

const maturityCard = EntityCardBlueprint.make({
  name: 'maturity',
  params: {
    filter: isMlopsEntity,
    loader: () =>
      import('./components/MaturityCard/EntityMaturityCard').then(m => (
        <m.EntityMaturityCard />
      )),
  },
});

const teamScorecardContent = EntityContentBlueprint.make({
  name: 'team-scorecard',
  params: {
    path: 'mlops',
    title: 'MLOps',
    filter: 'kind:group',
    loader: () =>
      import('./components/TeamScorecard/EntityTeamScorecardContent').then(
        m => <m.EntityTeamScorecardContent />,
      ),
  },
});

const templateAnalyticsCard = EntityCardBlueprint.make({
  name: 'template-analytics',
  // Off by default: enable it in app-config on the platform team's Group page.
  disabled: true,
  params: {
    filter: 'kind:group',
    loader: () =>
      import('./components/TemplateAnalytics/TemplateAnalyticsCard').then(m => (
        <m.TemplateAnalyticsCard />
      )),
  },
});

/**
 * The Landing Zone MLOps plugin for the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'mlops',
  title: 'MLOps maturity',
  icon: <TimelineIcon />,
  routes: { root: rootRouteRef, team: teamRouteRef },
  externalRoutes: {
    scaffolderTemplate: scaffolderTemplateRouteRef,
    scaffolderRoot: scaffolderRootRouteRef,
  },
  extensions: [
    mlopsApi,
    mlopsPage,
    maturityCard,
    teamScorecardContent,
    templateAnalyticsCard,
  ],
});
