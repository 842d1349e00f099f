import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import Skeleton from '@material-ui/lab/Skeleton';
import {
  CheckResult,
  evaluateMaturity,
  MaturityModel,
  readMaturityAnnotations,
} from '@landing-zone/plugin-mlops-common';
import { mlopsApiRef } from '../../api';
import { CheckList } from './CheckList';
import { FactTimeline } from './FactTimeline';
import { useEntityFacts } from './useEntityFacts';
import { LevelHistoryChart } from './LevelHistoryChart';
import { MaturityHeadline } from './MaturityHeadline';
import { RelatedMlEntities } from './RelatedMlEntities';
import { useMaturityModel } from '../shared/useMaturityModel';
import { LoadError } from '../shared/LoadError';

const History = (props: { maxLevel: number }) => {
  const api = useApi(mlopsApiRef);
  const { entity } = useEntity();
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const namespace = entity.metadata.namespace ?? 'default';
  const name = entity.metadata.name;
  const state = useAsync(
    () => api.getEntityHistory({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
  if (state.loading) {
    return (
      <Typography variant="body2" color="textSecondary">
        Loading history…
      </Typography>
    );
  }
  // The checks below stay useful without history, so a failure here is a note, not a panel.
  if (state.error || !state.value) {
    return (
      <Typography variant="body2" color="textSecondary">
        History unavailable: {state.error?.message ?? 'no answer'}
      </Typography>
    );
  }
  return (
    <LevelHistoryChart series={state.value.series} maxLevel={props.maxLevel} />
  );
};

/** How much of the evidence is observed rather than declared. */
const ObservedShare = (props: { checks: CheckResult[] }) => {
  const observable = props.checks.filter(c => c.evidence.observable);
  if (observable.length === 0) return null;
  const observed = observable.filter(c => c.evidence.status === 'observed');
  const selfDeclared = observable.filter(c => c.evidence.selfDeclared);
  return (
    <Box mt={1}>
      <Typography variant="body2" data-testid="mlops-observed-share">
        {observed.length} of {observable.length} observable checks observed
        {selfDeclared.length > 0
          ? ` · ${selfDeclared.length} count as self-declared`
          : ''}
      </Typography>
    </Box>
  );
};

const MaturityCardContent = (props: { model: MaturityModel }) => {
  const { model } = props;
  const { entity } = useEntity();
  const facts = useEntityFacts(entity);
  // Judged when the facts arrived, so ages and staleness agree with each other.
  const [mountedAt] = useState(() => Date.now());
  const now = facts.value?.fetchedAt ?? mountedAt;
  const evaluation = useMemo(
    () => evaluateMaturity(entity, model, { facts: facts.value?.facts, now }),
    [entity, model, facts.value, now],
  );
  // The processor's annotations are what every other view (overview, team scorecards) shows,
  // so the headline uses them; the checks come from evaluating the entity as it is now.
  const written = readMaturityAnnotations(entity);
  const level = written?.level ?? evaluation.level;
  const levelName =
    model.levels.find(candidate => candidate.level === level)?.name ??
    `Level ${level}`;
  const maxLevel = Math.max(
    ...model.levels.map(candidate => candidate.level),
    1,
  );

  return (
    <div data-testid="mlops-maturity-card">
      <InfoCard title="MLOps maturity" subheader={stringifyEntityRef(entity)}>
        <MaturityHeadline
          level={level}
          levelName={levelName}
          score={written?.score ?? evaluation.score}
          nextLevel={evaluation.nextLevel}
        />
        {written && written.level !== evaluation.level && (
          <Box mt={2}>
            <Alert severity="info">
              The catalog last recorded level {written.level}; the entity as it
              is now evaluates to level {evaluation.level}. The catalog catches
              up on its next processing run.
            </Alert>
          </Box>
        )}
        {evaluation.warnings.length > 0 && (
          <Box mt={2}>
            <Alert severity="warning">
              {evaluation.warnings.map(warning => (
                <div key={warning.path}>{warning.message}</div>
              ))}
            </Alert>
          </Box>
        )}
        <Box mt={2} mb={1}>
          <Typography variant="subtitle2" component="h3">
            Level history
          </Typography>
          <History maxLevel={maxLevel} />
        </Box>
        <ObservedShare checks={evaluation.checks} />
        <Box mt={2} mb={1}>
          <Typography variant="subtitle2" component="h3">
            Observed facts
          </Typography>
          <FactTimeline value={facts.value} error={facts.error} now={now} />
        </Box>
        <RelatedMlEntities entity={entity} />
        <Divider />
        <CheckList
          checks={evaluation.checks}
          progress={evaluation.progress}
          now={now}
        />
      </InfoCard>
    </div>
  );
};

/**
 * The maturity of one ML use case: level, score, and every check with its reason, its
 * remediation and the template that fixes it.
 */
export const EntityMaturityCard = () => {
  const { model, loading, error } = useMaturityModel();
  if (error) {
    return <LoadError error={error} what="the maturity model" />;
  }
  if (loading || !model) {
    return (
      <Box aria-busy="true" aria-label="Loading maturity">
        <Skeleton variant="rect" height={240} />
      </Box>
    );
  }
  return <MaturityCardContent model={model} />;
};
