import Grid from '@material-ui/core/Grid';
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
import { InfoCard } from '@backstage/core-components';
import { TrendPoint } from '@landing-zone/plugin-mlops-common';
import { ChartFrame } from '../shared/ChartFrame';
import { PeriodLineChart } from '../shared/PeriodLineChart';
import { chartChrome } from '../shared/levelPalette';

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
                contentStyle={chrome.tooltip}
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
          <PeriodLineChart
            trend={trend}
            measure="leadTimeMedianDays"
            name="Median lead time (days)"
            color={chrome.secondary}
            caption="Median lead time per period; gaps are periods where nothing reached production."
            testId="lead-time-chart"
            height={220}
            yAxis={{ unit: 'd' }}
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
};
