import Chip from '@material-ui/core/Chip';
import { darken, makeStyles } from '@material-ui/core/styles';
import {
  CheckEvidence,
  describeAge,
  EvidenceStatus,
} from '@landing-zone/plugin-mlops-common';

const LABELS: Record<EvidenceStatus, string> = {
  observed: 'Observed',
  declared: 'Declared',
  contradicted: 'Contradicted',
  stale: 'Stale',
  missing: 'Missing',
};

// Darkened: white small text on the themes' main success and info colours (and even on
// MUI's success.dark) is under axe's 4.5:1 contrast (e2e/scorecards.spec.ts).
const onColour = (colour: string) => ({
  backgroundColor: darken(colour, 0.4),
  color: '#fff',
});

const useStyles = makeStyles(theme => ({
  observed: onColour(theme.palette.success.main),
  declared: onColour(theme.palette.info.main),
  contradicted: onColour(theme.palette.error.main),
  stale: { backgroundColor: theme.palette.warning.main, color: '#000' },
  missing: {},
  chip: { marginLeft: theme.spacing(1), height: 20 },
}));

/** The evidence status of a check, with the source and age of the fact behind it. */
export const EvidenceLabel = (props: {
  evidence: CheckEvidence;
  now: number;
}) => {
  const classes = useStyles();
  const { evidence } = props;
  // A check no source can observe says nothing about evidence: no label.
  if (!evidence.observable) return null;
  const label = evidence.selfDeclared
    ? 'Self-declared'
    : LABELS[evidence.status];
  const where = evidence.fact
    ? ` · ${evidence.fact.source}, ${describeAge(
        props.now - Date.parse(evidence.fact.observedAt),
      )}`
    : '';
  return (
    <Chip
      size="small"
      className={`${classes.chip} ${classes[evidence.status]}`}
      label={`${label}${where}`}
      data-testid={`evidence-${evidence.status}`}
    />
  );
};
