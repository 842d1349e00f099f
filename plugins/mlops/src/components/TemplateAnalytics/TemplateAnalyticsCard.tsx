import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Skeleton from '@material-ui/lab/Skeleton';
import { parseEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { mlopsApiRef } from '../../api';
import { LevelBar } from '../shared/LevelBar';
import { LoadError } from '../shared/LoadError';
import { useScaffolderLinks } from '../shared/useScaffolderLinks';
import { TemplateLevelsChart } from './TemplateLevelsChart';

const displayName = (templateRef: string) => {
  try {
    return parseEntityRef(templateRef, { defaultKind: 'template' }).name;
  } catch {
    return templateRef;
  }
};

/** The first teams by name, each a link to its page; a count stands for the rest. */
const SHOWN_TEAMS = 3;
const UsedBy = (props: { teams: string[] }) => {
  if (props.teams.length === 0) return <>none</>;
  const rest = props.teams.length - SHOWN_TEAMS;
  return (
    <>
      <EntityRefLinks
        entityRefs={props.teams.slice(0, SHOWN_TEAMS)}
        defaultKind="group"
      />
      {rest > 0 && ` and ${rest} more`}
    </>
  );
};

const TemplateAnalyticsBody = () => {
  const api = useApi(mlopsApiRef);
  const links = useScaffolderLinks();
  const state = useAsyncRetry(() => api.getTemplates(), [api]);

  if (state.error) {
    return (
      <LoadError
        error={state.error}
        what="template analytics"
        onRetry={state.retry}
      />
    );
  }
  if (state.loading || !state.value) {
    return (
      <Skeleton
        variant="rect"
        height={240}
        aria-label="Loading template analytics"
      />
    );
  }
  const { templates, levelNames } = state.value;
  if (templates.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No template has created a use case yet"
        description="Once data scientists create ML use cases from golden-path templates, this card shows which templates are used, by which teams, and how far their use cases get."
      />
    );
  }

  const rows = [...templates]
    .sort((a, b) => b.useCases - a.useCases)
    .map(template => ({
      ...template,
      name: displayName(template.templateRef),
    }));

  return (
    <>
      <TemplateLevelsChart templates={rows} levelNames={levelNames} />
      <Table size="small" aria-label="Template usage">
        <TableHead>
          <TableRow>
            <TableCell>Template</TableCell>
            <TableCell align="right">Use cases</TableCell>
            <TableCell>Used by</TableCell>
            <TableCell>Levels</TableCell>
            <TableCell align="right">In production</TableCell>
            <TableCell align="right">Runs ok / failed</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(template => {
            const link = links.template(template.templateRef);
            return (
              <TableRow key={template.templateRef}>
                <TableCell>
                  {link ? (
                    <Link to={link}>{template.name}</Link>
                  ) : (
                    template.name
                  )}
                </TableCell>
                <TableCell align="right">{template.useCases}</TableCell>
                <TableCell>
                  <UsedBy teams={template.teams} />
                </TableCell>
                <TableCell>
                  <LevelBar levels={template.levels} levelNames={levelNames} />
                </TableCell>
                <TableCell align="right">{template.inProduction}</TableCell>
                <TableCell align="right">
                  {template.runs.succeeded} / {template.runs.failed}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
};

/** For the platform team: which golden paths are used, by whom, and how far they get. */
export const TemplateAnalyticsCard = () => (
  <InfoCard
    title="Template analytics"
    subheader="Golden-path templates and the use cases they created"
  >
    <TemplateAnalyticsBody />
  </InfoCard>
);
