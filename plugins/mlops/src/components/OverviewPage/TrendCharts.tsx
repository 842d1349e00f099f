import Grid from '@material-ui/core/Grid';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { InfoCard } from '@backstage/core-components';
import { TrendPoint } from '@landing-zone/plugin-mlops-common';
import { ChartFrame } from '../shared/ChartFrame';
import { chartChrome } from '../shared/levelPalette';

const tooltipStyle = (chrome: ReturnType<typeof chartChrome>) => ({
  background: chrome.tooltipBackground,
  color: chrome.tooltipText,
});

export const TrendCharts = (props: { trend: TrendPoint[] }) => {
  const theme = useTheme();
  const chrome = chartChrome(theme);
  const { trend } = props;
  const reached = trend.reduce((sum, point) => sum + point.throughput, 0);

  return (
    <Grid container spacing={2}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Throughput" subheader="Use cases reaching production">
          <ChartFrame
            height={220}
            caption={`${reached} use cases reached production over ${trend.length} periods.`}
            testId="throughput-chart"
          >
            <BarChart data={trend}>
              <CartesianGrid stroke={chrome.grid} vertical={false} />
              <XAxis
                dataKey="period"
                stroke={chrome.axis}
                tick={{ fontSize: 11 }}
              />
              <YAxis allowDecimals={false} stroke={chrome.axis} width={32} />
              <Tooltip
                contentStyle={tooltipStyle(chrome)}
                cursor={{ fill: chrome.grid }}
              />
              <Bar
                dataKey="throughput"
                name="Reached production"
                fill={chrome.primary}
                isAnimationActive={false}
              />
              <Bar
                dataKey="created"
                name="Created"
                fill={theme.palette.grey[500]}
                isAnimationActive={false}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
            </BarChart>
          </ChartFrame>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Lead time"
          subheader="Median days from created to production"
        >
          <ChartFrame
            height={220}
            caption="Median lead time per period; gaps are periods where nothing reached production."
            testId="lead-time-chart"
          >
            <LineChart data={trend}>
              <CartesianGrid stroke={chrome.grid} vertical={false} />
              <XAxis
                dataKey="period"
                stroke={chrome.axis}
                tick={{ fontSize: 11 }}
              />
              <YAxis stroke={chrome.axis} width={44} unit="d" />
              <Tooltip contentStyle={tooltipStyle(chrome)} />
              <Line
                type="monotone"
                dataKey="leadTimeMedianDays"
                name="Median lead time (days)"
                stroke={chrome.secondary}
                strokeWidth={2}
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ChartFrame>
        </InfoCard>
      </Grid>
    </Grid>
  );
};
