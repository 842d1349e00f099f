import { useTheme } from '@material-ui/core/styles';
import { TrendPoint } from '@landing-zone/plugin-mlops-common';
import { PeriodLineChart } from '../shared/PeriodLineChart';

export const TeamLevelTrendChart = (props: {
  trend: TrendPoint[];
  maxLevel: number;
}) => {
  const theme = useTheme();
  const measured = props.trend.filter(point => point.averageLevel !== null);
  const first = measured[0]?.averageLevel;
  const last = measured[measured.length - 1]?.averageLevel;
  const caption =
    first === undefined || last === undefined || first === null || last === null
      ? 'No level history in this window yet.'
      : `Average level went from ${first.toFixed(2)} to ${last.toFixed(
          2,
        )} over the window.`;
  return (
    <PeriodLineChart
      trend={props.trend}
      measure="averageLevel"
      name="Average level"
      color={theme.palette.primary.main}
      caption={caption}
      testId="team-level-trend-chart"
      height={200}
      yAxis={{ domain: [0, props.maxLevel], allowDecimals: false, width: 32 }}
      connectNulls
    />
  );
};
