import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import ListSubheader from '@material-ui/core/ListSubheader';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import BuildIcon from '@material-ui/icons/Build';
import { LinkButton } from '@backstage/core-components';
import { CheckResult, LevelProgress } from '@landing-zone/plugin-mlops-common';
import { useScaffolderLinks } from '../shared/useScaffolderLinks';
import { EvidenceLabel } from './EvidenceLabel';

const useStyles = makeStyles(theme => ({
  passed: { color: theme.palette.success.main },
  failed: { color: theme.palette.error.main },
  subheader: {
    backgroundColor: theme.palette.background.paper,
    lineHeight: '32px',
  },
  item: { alignItems: 'flex-start' },
  icon: { minWidth: 36, marginTop: 6 },
  // Backstage's theme truncates list text to one line; reasons and remediations must wrap.
  text: { whiteSpace: 'normal', overflow: 'visible' },
}));

const CheckItem = (props: { check: CheckResult; now: number }) => {
  const classes = useStyles();
  const links = useScaffolderLinks();
  const { check } = props;
  const fixLink =
    !check.passed && check.templateRef
      ? links.template(check.templateRef)
      : undefined;
  return (
    <ListItem className={classes.item} data-testid={`check-${check.id}`} dense>
      <ListItemIcon className={classes.icon}>
        {check.passed ? (
          <CheckCircleIcon className={classes.passed} titleAccess="Passed" />
        ) : (
          <CancelIcon className={classes.failed} titleAccess="Failed" />
        )}
      </ListItemIcon>
      <ListItemText
        className={classes.text}
        disableTypography
        primary={
          <Typography variant="body1">
            {check.title}
            {!check.required && (
              <Typography
                component="span"
                variant="caption"
                color="textSecondary"
              >
                {' '}
                (advisory)
              </Typography>
            )}
            {check.evidence && (
              <EvidenceLabel evidence={check.evidence} now={props.now} />
            )}
          </Typography>
        }
        secondary={
          <Box>
            <Typography variant="body2" color="textSecondary">
              {check.reason}
            </Typography>
            {!check.passed && (
              <Typography variant="body2">
                <strong>To fix:</strong> {check.remediation}
              </Typography>
            )}
            {fixLink && (
              <Box mt={0.5}>
                <LinkButton
                  size="small"
                  variant="outlined"
                  color="primary"
                  startIcon={<BuildIcon />}
                  to={fixLink}
                >
                  Fix with template
                </LinkButton>
              </Box>
            )}
          </Box>
        }
      />
    </ListItem>
  );
};

/** Every applicable check, grouped by level, failing ones first inside each level. */
export const CheckList = (props: {
  checks: CheckResult[];
  progress: LevelProgress[];
  /** The time the evidence was judged at, for the age of each fact. */
  now?: number;
}) => {
  const now = props.now ?? Date.now();
  const classes = useStyles();
  return (
    <List dense disablePadding aria-label="Maturity checks">
      {props.progress.map(level => {
        const checks = props.checks
          .filter(check => check.level === level.level)
          .sort((a, b) => Number(a.passed) - Number(b.passed));
        if (checks.length === 0) return null;
        return (
          <li key={level.level}>
            <ul style={{ padding: 0 }}>
              <ListSubheader className={classes.subheader} disableSticky>
                Level {level.level} · {level.name} — {level.passed}/
                {level.total} checks pass
              </ListSubheader>
              {checks.map(check => (
                <CheckItem key={check.id} check={check} now={now} />
              ))}
            </ul>
          </li>
        );
      })}
    </List>
  );
};
