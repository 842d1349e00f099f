import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
  YAxisProps,
} from 'recharts';
import { TrendPoint } from '@landing-zone/plugin-mlops-common';
import { ChartFrame } from './ChartFrame';
import { chartChrome } from './levelPalette';

/** One measure of a trend, period by period, as a captioned line chart. */
export const PeriodLineChart = (props: {
  trend: TrendPoint[];
  measure: keyof TrendPoint;
  name: string;
  color: string;
  caption: string;
  testId: string;
  height: number;
  yAxis?: Omit<YAxisProps, 'ref'>;
  /** Draw across periods without a value instead of leaving a gap. */
  connectNulls?: boolean;
}) => {
  const chrome = chartChrome(useTheme());
  return (
    <ChartFrame
      height={props.height}
      caption={props.caption}
      testId={props.testId}
    >
      <LineChart data={props.trend}>
        <CartesianGrid stroke={chrome.grid} vertical={false} />
        <XAxis dataKey="period" stroke={chrome.axis} tick={{ fontSize: 11 }} />
        <YAxis stroke={chrome.axis} width={44} {...props.yAxis} />
        <Tooltip contentStyle={chrome.tooltip} />
        <Line
          type="monotone"
          dataKey={props.measure}
          name={props.name}
          stroke={props.color}
          strokeWidth={2}
          dot={{ r: 3 }}
          connectNulls={props.connectNulls}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
};
