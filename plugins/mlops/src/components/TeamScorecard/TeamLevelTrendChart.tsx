import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { TrendPoint } from '@landing-zone/plugin-mlops-common';
import { ChartFrame } from '../shared/ChartFrame';
import { chartChrome } from '../shared/levelPalette';

export const TeamLevelTrendChart = (props: {
  trend: TrendPoint[];
  maxLevel: number;
}) => {
  const theme = useTheme();
  const chrome = chartChrome(theme);
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
    <ChartFrame height={200} caption={caption} testId="team-level-trend-chart">
      <LineChart data={props.trend}>
        <CartesianGrid stroke={chrome.grid} vertical={false} />
        <XAxis dataKey="period" stroke={chrome.axis} tick={{ fontSize: 11 }} />
        <YAxis
          domain={[0, props.maxLevel]}
          allowDecimals={false}
          stroke={chrome.axis}
          width={32}
        />
        <Tooltip
          contentStyle={{
            background: chrome.tooltipBackground,
            color: chrome.tooltipText,
          }}
        />
        <Line
          type="monotone"
          dataKey="averageLevel"
          name="Average level"
          stroke={chrome.primary}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
};
