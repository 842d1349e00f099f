import {
  Content,
  Header,
  Link,
  LinkButton,
  Page,
} from '@backstage/core-components';
import { useRouteRef, useRouteRefParams } from '@backstage/core-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { rootRouteRef, teamRouteRef } from '../../routes';
import { useWindowParam } from '../shared/useWindowParam';
import { WindowPicker } from '../shared/WindowPicker';
import { TeamScorecard } from './TeamScorecard';

/** A team's scorecard reached from the overview table, with the way back. */
export const TeamScorecardPage = () => {
  const { namespace, name } = useRouteRefParams(teamRouteRef);
  const overviewLink = useRouteRef(rootRouteRef);
  const entityLink = useEntityRefLink();
  const [window, setWindow] = useWindowParam();
  return (
    <Page themeId="tool">
      <Header
        title={`MLOps scorecard: ${name}`}
        subtitle="Team maturity and flow"
      >
        <LinkButton
          variant="outlined"
          color="inherit"
          to={entityLink({ kind: 'group', namespace, name })}
        >
          Team page
        </LinkButton>
      </Header>
      <Content>
        <Link to={`${overviewLink()}?window=${window}`}>← All teams</Link>
        <TeamScorecard
          namespace={namespace}
          name={name}
          window={window}
          windowPicker={<WindowPicker value={window} onChange={setWindow} />}
        />
      </Content>
    </Page>
  );
};
