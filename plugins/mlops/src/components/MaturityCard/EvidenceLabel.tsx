import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
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

const useStyles = makeStyles(theme => ({
  observed: { backgroundColor: theme.palette.success.main, color: '#fff' },
  declared: { backgroundColor: theme.palette.info.main, color: '#fff' },
  contradicted: { backgroundColor: theme.palette.error.main, color: '#fff' },
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
