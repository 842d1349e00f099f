import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { EntityHistoryResponse } from '@landing-zone/plugin-mlops-common';
import { ChartFrame } from '../shared/ChartFrame';
import { chartChrome } from '../shared/levelPalette';

export const LevelHistoryChart = (props: {
  series: EntityHistoryResponse['series'];
  maxLevel: number;
}) => {
  const theme = useTheme();
  const chrome = chartChrome(theme);
  const { series } = props;
  if (series.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: the first daily snapshot is taken after the use case is
        registered.
      </Typography>
    );
  }
  const first = series[0];
  const last = series[series.length - 1];
  // Rows exist only for days the entity changed; carrying the last state to today draws the
  // flat stretch since then instead of a lone dot.
  const today = new Date().toISOString().slice(0, 10);
  const data = last.day < today ? [...series, { ...last, day: today }] : series;
  return (
    <ChartFrame
      height={200}
      caption={`Since ${first.day}: level ${first.level} → ${last.level}, score ${first.score} → ${last.score}.`}
      testId="level-history-chart"
    >
      <ComposedChart data={data}>
        <CartesianGrid stroke={chrome.grid} vertical={false} />
        <XAxis dataKey="day" stroke={chrome.axis} tick={{ fontSize: 11 }} />
        {/* Level and score have different scales (0..max level, 0..100): one axis each,
            level on the left where the step line is read, score on the right. */}
        <YAxis
          yAxisId="level"
          domain={[0, props.maxLevel]}
          allowDecimals={false}
          stroke={chrome.axis}
          tick={{ fontSize: 11 }}
          width={40}
          label={{
            value: 'Level',
            angle: -90,
            position: 'insideLeft',
            fill: chrome.axis,
            fontSize: 11,
          }}
        />
        <YAxis
          yAxisId="score"
          orientation="right"
          domain={[0, 100]}
          stroke={chrome.axis}
          tick={{ fontSize: 11 }}
          width={44}
          label={{
            value: 'Score',
            angle: 90,
            position: 'insideRight',
            fill: chrome.axis,
            fontSize: 11,
          }}
        />
        <Tooltip
          contentStyle={chrome.tooltip}
          // The series colours are too light for text on the tooltip's background.
          itemStyle={{ color: theme.palette.text.primary }}
        />
        <Legend verticalAlign="top" height={24} iconSize={10} />
        <Area
          yAxisId="score"
          dataKey="score"
          name="Score"
          stroke={chrome.secondary}
          fill={chrome.secondary}
          fillOpacity={0.15}
          isAnimationActive={false}
        />
        <Line
          yAxisId="level"
          type="stepAfter"
          dataKey="level"
          name="Level"
          stroke={chrome.primary}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
};
