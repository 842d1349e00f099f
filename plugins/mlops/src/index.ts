/**
 * Landing Zone MLOps frontend: overview page, team scorecards, entity maturity card and
 * template analytics. The new frontend system's plugin is the default export of `/alpha`.
 *
 * @packageDocumentation
 */
export {
  mlopsPlugin,
  MlopsOverviewPage,
  EntityMlopsMaturityCard,
  EntityMlopsTeamScorecardContent,
  MlopsTemplateAnalyticsCard,
} from './plugin';
export { isMlopsEntity } from './isMlopsEntity';
export { mlopsApiRef, MlopsClient } from './api';
export type { MlopsApi, EntityName } from './api';
