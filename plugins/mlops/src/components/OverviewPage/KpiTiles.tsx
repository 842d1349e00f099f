import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { OverviewResponse } from '@landing-zone/plugin-mlops-common';
import { formatDays, formatMoney, formatNumber } from '../shared/format';
import { declaredLeadTimes } from '../shared/observedShare';

const useStyles = makeStyles(theme => ({
  tile: {
    padding: theme.spacing(2),
    height: '100%',
    borderTop: `4px solid ${theme.palette.primary.main}`,
  },
  value: { fontWeight: 700, lineHeight: 1.2 },
}));

type Tile = { label: string; value: string; hint: string };

function tilesOf(overview: OverviewResponse): Tile[] {
  const { kpis, window } = overview;
  return [
    {
      label: 'ML use cases',
      value: formatNumber(kpis.useCases),
      hint: `${formatNumber(kpis.flowLoad)} not yet in production`,
    },
    {
      label: 'In production',
      value: formatNumber(kpis.inProduction),
      hint: kpis.useCases
        ? `${Math.round(
            (kpis.inProduction / kpis.useCases) * 100,
          )}% of use cases`
        : 'no use cases yet',
    },
    {
      label: 'Throughput',
      value: formatNumber(kpis.throughput),
      hint: `reached production in ${window} days`,
    },
    {
      label: 'Median lead time',
      value: formatDays(kpis.leadTime.medianDays),
      hint:
        kpis.leadTime.p85Days === null
          ? 'no use case reached production'
          : [
              `p85 ${formatDays(kpis.leadTime.p85Days)}`,
              `${kpis.leadTime.count} use cases`,
              declaredLeadTimes(kpis.leadTime),
            ]
              .filter(Boolean)
              .join(' · '),
    },
    {
      label: 'Value saved',
      value: formatMoney(kpis.valueSaved.amount, kpis.valueSaved.currency),
      hint: `${formatNumber(kpis.valueSaved.hours)} engineering hours`,
    },
  ];
}

export const KpiTiles = (props: { overview: OverviewResponse }) => {
  const classes = useStyles();
  return (
    <Grid container spacing={2} component="section" aria-label="Key figures">
      {tilesOf(props.overview).map(tile => (
        <Grid item xs={12} sm={6} md key={tile.label}>
          <Paper className={classes.tile} data-testid="kpi-tile">
            <Typography variant="overline" color="textSecondary" component="h2">
              {tile.label}
            </Typography>
            <Typography variant="h4" component="p" className={classes.value}>
              {tile.value}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {tile.hint}
            </Typography>
          </Paper>
        </Grid>
      ))}
    </Grid>
  );
};
