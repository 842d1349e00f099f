import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlopsApiRef } from '../../api';
import { LoadError } from '../shared/LoadError';
import { CsvExportButton } from './CsvExportButton';
import { KpiTiles } from './KpiTiles';
import { LevelDistributionChart } from './LevelDistributionChart';
import { NoUseCases } from './NoUseCases';
import { OverviewSkeleton } from './OverviewSkeleton';
import { StaleHistoryNotice } from './StaleHistoryNotice';
import { TeamTable } from './TeamTable';
import { TrendCharts } from './TrendCharts';
import { useWindowParam } from '../shared/useWindowParam';
import { WindowPicker } from '../shared/WindowPicker';

export const OverviewContent = () => {
  const api = useApi(mlopsApiRef);
  const [window, setWindow] = useWindowParam();
  const state = useAsyncRetry(
    () => Promise.all([api.getOverview(window), api.getTeams(window)]),
    [api, window],
  );

  const toolbar = (
    <>
      <StaleHistoryNotice freshness={state.value?.[0].freshness} />
      <Box
        display="flex"
        alignItems="center"
        justifyContent="space-between"
        mb={2}
      >
        {/* The page background is grey, where secondary text falls short of 4.5:1 contrast. */}
        <Typography variant="body2" color="textPrimary">
          {state.value?.[0].demo
            ? 'Includes generated demo history.'
            : 'Rolled up by the mlops backend from daily catalog snapshots.'}
        </Typography>
        <Box display="flex" style={{ gap: 8 }}>
          <WindowPicker value={window} onChange={setWindow} />
          <CsvExportButton window={window} />
        </Box>
      </Box>
    </>
  );

  if (state.error) {
    return (
      <>
        {toolbar}
        <LoadError
          error={state.error}
          what="the scorecards"
          onRetry={state.retry}
        />
      </>
    );
  }
  if (state.loading || !state.value) {
    return (
      <>
        {toolbar}
        <OverviewSkeleton />
      </>
    );
  }

  const [overview, teams] = state.value;
  if (overview.kpis.useCases === 0) {
    return (
      <>
        {toolbar}
        <NoUseCases />
      </>
    );
  }

  return (
    <>
      {toolbar}
      <Box data-testid="mlops-overview">
        {/* Sections stack in boxes: nesting spaced Grid containers makes them overlap. */}
        <Box mb={4}>
          <KpiTiles overview={overview} />
        </Box>
        <Box mb={4}>
          <TrendCharts trend={overview.trend} />
        </Box>
        <Box mb={4}>
          <InfoCard
            title="Maturity by team"
            subheader="Use cases at each level"
          >
            <LevelDistributionChart
              teams={teams.teams}
              levelNames={teams.levelNames}
            />
          </InfoCard>
        </Box>
        <TeamTable
          teams={teams.teams}
          levelNames={teams.levelNames}
          window={window}
        />
      </Box>
    </>
  );
};
