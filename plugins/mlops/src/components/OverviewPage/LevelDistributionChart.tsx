import { useMemo } from 'react';
import { TeamSummary } from '@landing-zone/plugin-mlops-common';
import { StackedLevelBars } from '../shared/StackedLevelBars';

/** A stacked bar per team stops being readable past a couple of dozen teams. */
export const MAX_CHART_TEAMS = 15;

export const LevelDistributionChart = (props: {
  teams: TeamSummary[];
  levelNames: string[];
}) => {
  const { teams, levelNames } = props;
  const rows = useMemo(
    () =>
      [...teams]
        .sort((a, b) => b.useCases - a.useCases)
        .slice(0, MAX_CHART_TEAMS)
        .map(team => ({ label: team.title, levels: team.levels })),
    [teams],
  );
  const caption =
    teams.length > MAX_CHART_TEAMS
      ? `Use cases per level for the ${MAX_CHART_TEAMS} largest of ${teams.length} teams; the table below lists all.`
      : `Use cases per level for each of the ${teams.length} teams.`;
  return (
    <StackedLevelBars
      rows={rows}
      levelNames={levelNames}
      caption={caption}
      testId="level-distribution-chart"
    />
  );
};
