import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ResponsiveContainer } from 'recharts';

const useStyles = makeStyles(theme => ({
  figure: { margin: 0 },
  caption: { marginTop: theme.spacing(1) },
}));

/**
 * A responsive chart with a text caption: the caption is what screen readers (and tests) get,
 * since the SVG itself carries no meaning for them.
 */
export const ChartFrame = (props: {
  height: number;
  caption: string;
  testId?: string;
  children: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <figure className={classes.figure} data-testid={props.testId}>
      <ResponsiveContainer width="100%" height={props.height}>
        {props.children as React.ReactElement}
      </ResponsiveContainer>
      <Typography
        component="figcaption"
        variant="caption"
        color="textSecondary"
        className={classes.caption}
      >
        {props.caption}
      </Typography>
    </figure>
  );
};
