import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { describeAge, ObservedFact } from '@landing-zone/plugin-mlops-common';
import type { EntityFacts } from './useEntityFacts';

/** One line about a fact's data: what a reader of the timeline wants to see first. */
function summaryOf(fact: ObservedFact): string {
  const d = fact.data ?? {};
  if (d.found === false) return 'not found at the source';
  switch (fact.type) {
    case 'training-run':
      return `run ${String(d.runId ?? fact.id)}`;
    case 'model-version':
      return `${String(d.model ?? '')} v${String(d.version ?? '?')}${
        Array.isArray(d.aliases) && d.aliases.length
          ? ` (${d.aliases.join(', ')})`
          : ''
      }`;
    case 'evaluation':
      return `${String(d.suite ?? '')} ${String(d.score ?? '')} / ${String(
        d.threshold ?? '',
      )} — ${d.passed ? 'passed' : 'failed'}`;
    case 'deployment':
      return `v${String(d.version ?? '?')} to ${String(d.environment ?? '?')}`;
    case 'drift-check':
      return d.breached ? 'drift breached' : 'no drift';
    case 'retraining':
      return `triggered by ${String(d.trigger ?? '?')}`;
    case 'ci-run':
      return `${String(d.status ?? '?')} at ${String(d.commit ?? '').slice(
        0,
        8,
      )}`;
    default:
      return fact.id;
  }
}

/** The entity's facts, newest first, and any source that is failing. */
export const FactTimeline = (props: {
  value?: EntityFacts;
  error?: Error;
  now: number;
}) => {
  if (props.error) {
    return (
      <Typography variant="body2" color="textSecondary">
        Facts unavailable: {props.error.message}
      </Typography>
    );
  }
  const facts = props.value?.facts ?? [];
  const failing = (props.value?.sources ?? []).filter(
    s =>
      s.lastFailureAt &&
      (!s.lastSuccessAt || s.lastFailureAt > s.lastSuccessAt),
  );
  return (
    <div data-testid="mlops-fact-timeline">
      {failing.map(source => (
        <Alert key={source.source} severity="warning">
          {source.source} has been failing since {source.lastFailureAt}
          {source.lastError ? `: ${source.lastError}` : ''}; the facts below are
          the last it reported.
        </Alert>
      ))}
      {facts.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nothing observed yet: no pipeline, registry or CI has reported on this
          use case.
        </Typography>
      ) : (
        <List dense disablePadding aria-label="Observed facts">
          {facts.slice(0, 20).map(fact => (
            <ListItem key={`${fact.source}/${fact.id}`} dense disableGutters>
              <ListItemText
                primary={`${fact.type}: ${summaryOf(fact)}`}
                secondary={`${fact.source} · ${describeAge(
                  props.now - Date.parse(fact.observedAt),
                )}`}
              />
            </ListItem>
          ))}
        </List>
      )}
    </div>
  );
};
