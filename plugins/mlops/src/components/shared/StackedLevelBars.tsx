import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from './ChartFrame';
import { levelName } from './format';
import { chartChrome, levelColor } from './levelPalette';

/** One horizontal bar: a label and its use-case count per level (index = level). */
export interface LevelBarRow {
  label: string;
  levels: number[];
}

/**
 * Horizontal bars stacked by maturity level, one bar per row. Shared by the team distribution
 * on the overview and the template analytics so both read the same way.
 */
export const StackedLevelBars = (props: {
  rows: LevelBarRow[];
  levelNames: string[];
  caption: string;
  testId: string;
}) => {
  const theme = useTheme();
  const chrome = chartChrome(theme);
  const levelCount = Math.max(
    props.levelNames.length,
    ...props.rows.map(row => row.levels.length),
  );
  const data = props.rows.map(row => {
    const datum: Record<string, string | number> = { label: row.label };
    for (let level = 0; level < levelCount; level++) {
      datum[`L${level}`] = row.levels[level] ?? 0;
    }
    return datum;
  });
  return (
    <ChartFrame
      height={Math.max(200, data.length * 30 + 75)}
      caption={props.caption}
      testId={props.testId}
    >
      <BarChart data={data} layout="vertical" margin={{ left: 20, right: 16 }}>
        <CartesianGrid stroke={chrome.grid} horizontal={false} />
        <XAxis type="number" allowDecimals={false} stroke={chrome.axis} />
        <YAxis
          type="category"
          dataKey="label"
          width={160}
          stroke={chrome.axis}
          tick={{ fontSize: 12 }}
        />
        <Tooltip contentStyle={chrome.tooltip} cursor={{ fill: chrome.grid }} />
        <Legend />
        {Array.from({ length: levelCount }, (_, level) => (
          <Bar
            key={level}
            dataKey={`L${level}`}
            name={`L${level} ${levelName(props.levelNames, level)}`}
            stackId="levels"
            fill={levelColor(theme, level)}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
};
