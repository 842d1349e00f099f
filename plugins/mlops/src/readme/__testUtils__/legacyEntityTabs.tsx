import { EntityLayout } from '@backstage/plugin-catalog';
import {
  EntityMlopsMaturityCard,
  EntityMlopsTeamScorecardContent,
  isMlopsEntity,
} from '@landing-zone/plugin-mlops';

/** An "MLOps maturity" tab, shown on ML components only (isMlopsEntity). */
export const mlopsMaturityTab = (
  <EntityLayout.Route path="/mlops" title="MLOps maturity" if={isMlopsEntity}>
    <EntityMlopsMaturityCard />
  </EntityLayout.Route>
);

/** An "ML scorecard" tab for Group pages: the team's use cases and level trend. */
export const mlopsTeamScorecardTab = (
  <EntityLayout.Route path="/mlops" title="ML scorecard">
    <EntityMlopsTeamScorecardContent />
  </EntityLayout.Route>
);
