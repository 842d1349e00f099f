import {
  Content,
  Header,
  Link,
  LinkButton,
  Page,
} from '@backstage/core-components';
import {
  useApi,
  useRouteRef,
  useRouteRefParams,
} from '@backstage/core-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { mlopsApiRef } from '../../api';
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
  // The header names the team as the scorecard below does (the backend's title: display name,
  // then title, then name); until it answers, or for a team it does not know, the name.
  const api = useApi(mlopsApiRef);
  const title =
    useAsync(
      () => api.getTeam({ namespace, name }, window),
      [api, namespace, name, window],
    ).value?.team.title ?? name;
  return (
    <Page themeId="tool">
      <Header
        title={`MLOps scorecard: ${title}`}
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
