import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Skeleton from '@material-ui/lab/Skeleton';
import { EmptyState, InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Window } from '../../api';
import { mlopsApiRef } from '../../api';
import { LevelBar } from '../shared/LevelBar';
import { LoadError } from '../shared/LoadError';
import { formatDays } from '../shared/format';
import {
  declaredLeadTimes,
  formatHours,
  observedShare,
} from '../shared/observedShare';
import { TeamLevelTrendChart } from './TeamLevelTrendChart';
import { UseCaseTable } from './UseCaseTable';

const Figure = (props: { label: string; value: React.ReactNode }) => (
  <Box mr={4} mb={1}>
    <Typography variant="overline" color="textSecondary" component="h3">
      {props.label}
    </Typography>
    <Typography variant="h5" component="p">
      {props.value}
    </Typography>
  </Box>
);

/** One team's use cases, levels and level trend. Shared by the Group tab and the overview. */
const NoTeamUseCases = () => (
  <EmptyState
    missing="data"
    title="No ML use cases for this team"
    description="Use cases appear here once a component of an ML type owned by this group is in the catalog."
  />
);

export const TeamScorecard = (props: {
  namespace: string;
  name: string;
  window: Window;
  windowPicker?: React.ReactNode;
}) => {
  const api = useApi(mlopsApiRef);
  const { namespace, name, window } = props;
  const state = useAsyncRetry(
    () => api.getTeam({ namespace, name }, window),
    [api, namespace, name, window],
  );

  if (state.error) {
    // A team the backend has never seen is an empty scorecard, not a failure.
    if ((state.error as { statusCode?: number }).statusCode === 404) {
      return <NoTeamUseCases />;
    }
    return (
      <LoadError
        error={state.error}
        what="the team scorecard"
        onRetry={state.retry}
      />
    );
  }
  if (state.loading || !state.value) {
    return (
      <Box aria-busy="true" aria-label="Loading team scorecard">
        <Skeleton variant="rect" height={120} />
        <Box mt={2}>
          <Skeleton variant="rect" height={300} />
        </Box>
      </Box>
    );
  }

  const { team, useCases, levelNames } = state.value;
  if (useCases.length === 0) {
    return <NoTeamUseCases />;
  }

  return (
    <Grid container spacing={2} data-testid="mlops-team-scorecard">
      <Grid item xs={12} md={6}>
        <InfoCard
          title={team.title}
          subheader={`Scorecard · last ${window} days`}
        >
          <Box display="flex" flexWrap="wrap">
            <Figure label="Use cases" value={team.useCases} />
            <Figure label="In production" value={team.inProduction} />
            <Figure
              label="Average level"
              value={team.averageLevel.toFixed(2)}
            />
            <Figure
              label="Average score"
              value={Math.round(team.averageScore)}
            />
            <Figure label="Throughput" value={team.throughput} />
            <Figure
              label="Median lead time"
              value={
                <>
                  {formatDays(team.leadTime.medianDays)}
                  {declaredLeadTimes(team.leadTime) && (
                    <Typography
                      variant="caption"
                      color="textSecondary"
                      component="span"
                      display="block"
                    >
                      {declaredLeadTimes(team.leadTime)}
                    </Typography>
                  )}
                </>
              }
            />
            <Figure
              label="Observed evidence"
              value={observedShare(team.evidence) ?? 'not measured'}
            />
            {team.flow && (
              <>
                <Figure
                  label="Deployments / week"
                  value={team.flow.deploymentsPerWeek}
                />
                <Figure
                  label="Retraining / week"
                  value={team.flow.retrainingsPerWeek}
                />
                <Figure
                  label="Drift → deploy (median)"
                  value={formatHours(team.flow.driftToDeployMedianHours)}
                />
              </>
            )}
          </Box>
          <LevelBar levels={team.levels} levelNames={levelNames} />
          {props.windowPicker && <Box mt={2}>{props.windowPicker}</Box>}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Level trend"
          subheader="Average maturity level over time"
        >
          <TeamLevelTrendChart
            trend={team.trend}
            maxLevel={Math.max(1, team.levels.length - 1)}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <UseCaseTable useCases={useCases} levelNames={levelNames} />
      </Grid>
    </Grid>
  );
};
