import { ReactElement } from 'react';
import { Grid } from '@material-ui/core';
import {
  EntityAboutCard,
  EntityDependsOnResourcesCard,
  EntityHasComponentsCard,
  EntityHasResourcesCard,
  EntityHasSystemsCard,
  EntityLayout,
  EntityLinksCard,
  EntityOrphanWarning,
  EntityProcessingErrorsPanel,
  EntitySwitch,
  hasCatalogProcessingErrors,
  isKind,
  isOrphan,
} from '@backstage/plugin-catalog';
import {
  EntityGroupProfileCard,
  EntityMembersListCard,
  EntityOwnershipCard,
  EntityUserProfileCard,
} from '@backstage/plugin-org';
import {
  EntityMlopsMaturityCard,
  EntityMlopsTeamScorecardContent,
  isMlopsEntity,
} from '@landing-zone/plugin-mlops';

/** Warnings first: a malformed ML entity still shows, with what is wrong with it. */
const entityWarnings = (
  <EntitySwitch>
    <EntitySwitch.Case if={isOrphan}>
      <Grid item xs={12}>
        <EntityOrphanWarning />
      </Grid>
    </EntitySwitch.Case>
    <EntitySwitch.Case if={hasCatalogProcessingErrors}>
      <Grid item xs={12}>
        <EntityProcessingErrorsPanel />
      </Grid>
    </EntitySwitch.Case>
  </EntitySwitch>
);

/** A card on an overview tab: half the width on wide screens, or the whole width. */
type OverviewCard = ReactElement | { wide: ReactElement };

/** Warnings first, then the cards in a responsive grid. */
const overview = (cards: OverviewCard[]) => (
  <Grid container spacing={3} alignItems="stretch">
    {entityWarnings}
    {cards.map((card, index) =>
      'wide' in card ? (
        <Grid key={index} item xs={12}>
          {card.wide}
        </Grid>
      ) : (
        <Grid key={index} item xs={12} md={6}>
          {card}
        </Grid>
      ),
    )}
  </Grid>
);

const overviewPage = (cards: OverviewCard[]) => (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overview(cards)}
    </EntityLayout.Route>
  </EntityLayout>
);

/** ML use cases lead with their maturity: level, failing checks and how to fix them. */
const mlUseCasePage = overviewPage([
  <EntityAboutCard />,
  <EntityMlopsMaturityCard />,
  <EntityDependsOnResourcesCard />,
  <EntityLinksCard />,
]);

const defaultComponentPage = overviewPage([
  <EntityAboutCard />,
  <EntityLinksCard />,
]);

/** Teams get their ML scorecard as a tab next to the usual overview. */
const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overview([
        <EntityGroupProfileCard />,
        <EntityOwnershipCard />,
        { wide: <EntityMembersListCard /> },
      ])}
    </EntityLayout.Route>
    <EntityLayout.Route path="/mlops" title="ML scorecard">
      <EntityMlopsTeamScorecardContent />
    </EntityLayout.Route>
  </EntityLayout>
);

const userPage = overviewPage([
  <EntityUserProfileCard />,
  <EntityOwnershipCard />,
]);

const systemPage = overviewPage([
  <EntityAboutCard />,
  <EntityHasComponentsCard />,
  <EntityHasResourcesCard />,
]);

const domainPage = overviewPage([
  <EntityAboutCard />,
  <EntityHasSystemsCard />,
]);

export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isMlopsEntity} children={mlUseCasePage} />
    <EntitySwitch.Case if={isKind('component')} children={defaultComponentPage} />
    <EntitySwitch.Case if={isKind('group')} children={groupPage} />
    <EntitySwitch.Case if={isKind('user')} children={userPage} />
    <EntitySwitch.Case if={isKind('system')} children={systemPage} />
    <EntitySwitch.Case if={isKind('domain')} children={domainPage} />
    <EntitySwitch.Case>{defaultComponentPage}</EntitySwitch.Case>
  </EntitySwitch>
);
