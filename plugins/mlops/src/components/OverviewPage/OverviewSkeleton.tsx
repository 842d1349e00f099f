import Grid from '@material-ui/core/Grid';
import Skeleton from '@material-ui/lab/Skeleton';

/** The page's own shape while it loads, so nothing jumps when the numbers arrive. */
export const OverviewSkeleton = () => (
  <Grid container spacing={2} aria-busy="true" aria-label="Loading scorecards">
    {[0, 1, 2, 3, 4].map(tile => (
      <Grid item xs={12} sm={6} md key={tile}>
        <Skeleton variant="rect" height={110} />
      </Grid>
    ))}
    <Grid item xs={12} md={6}>
      <Skeleton variant="rect" height={280} />
    </Grid>
    <Grid item xs={12} md={6}>
      <Skeleton variant="rect" height={280} />
    </Grid>
    <Grid item xs={12}>
      <Skeleton variant="rect" height={360} />
    </Grid>
  </Grid>
);
