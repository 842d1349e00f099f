import { useMemo } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { TeamSummary } from '@landing-zone/plugin-mlops-common';
import { Window } from '../../api';
import { teamRouteRef } from '../../routes';
import { LevelBar } from '../shared/LevelBar';
import { formatDays, levelName } from '../shared/format';
import { formatHours, observedShare } from '../shared/observedShare';

type Row = TeamSummary & {
  id: string;
  link: string;
  /** Name of the level the team's average rounds down to, for the level filter. */
  band: string;
  medianLeadTime: number | null;
  /** Observed share of observable checks, 0-1; null when not measured. */
  observedShare: number | null;
};

export const TeamTable = (props: {
  teams: TeamSummary[];
  levelNames: string[];
  window: Window;
  actions?: React.ReactNode;
}) => {
  const teamLink = useRouteRef(teamRouteRef);
  const { teams, levelNames, window } = props;

  const rows = useMemo<Row[]>(
    () =>
      teams.map(team => {
        const ref = parseEntityRef(team.teamRef, { defaultKind: 'group' });
        return {
          ...team,
          id: team.teamRef,
          link: `${teamLink({
            namespace: ref.namespace,
            name: ref.name,
          })}?window=${window}`,
          band: levelName(levelNames, Math.floor(team.averageLevel)),
          medianLeadTime: team.leadTime.medianDays,
          observedShare: team.evidence?.observableChecks
            ? team.evidence.observedChecks / team.evidence.observableChecks
            : null,
        };
      }),
    [teams, teamLink, levelNames, window],
  );

  const columns: TableColumn<Row>[] = [
    {
      title: 'Team',
      field: 'title',
      highlight: true,
      // Team names are the row's identity; never break them mid-word.
      cellStyle: { minWidth: 130 },
      render: row => <Link to={row.link}>{row.title}</Link>,
    },
    {
      title: 'Use cases',
      field: 'useCases',
      type: 'numeric',
      defaultSort: 'desc',
    },
    { title: 'In production', field: 'inProduction', type: 'numeric' },
    {
      title: 'Levels',
      field: 'levels',
      sorting: false,
      render: row => <LevelBar levels={row.levels} levelNames={levelNames} />,
    },
    {
      title: 'Avg level',
      field: 'averageLevel',
      type: 'numeric',
      render: row => row.averageLevel.toFixed(2),
    },
    { title: 'Level band', field: 'band', hidden: true },
    {
      title: 'Avg score',
      field: 'averageScore',
      type: 'numeric',
      render: row => Math.round(row.averageScore),
    },
    { title: `Throughput (${window} d)`, field: 'throughput', type: 'numeric' },
    {
      title: 'Median lead time',
      field: 'medianLeadTime',
      type: 'numeric',
      render: row => formatDays(row.medianLeadTime),
      // Teams without a lead time sort after every measured one, either direction.
      customSort: (a, b) =>
        (a.medianLeadTime ?? Number.MAX_VALUE) -
        (b.medianLeadTime ?? Number.MAX_VALUE),
    },
    { title: 'Flow load', field: 'flowLoad', type: 'numeric' },
    {
      title: 'Deploys / week',
      field: 'flow.deploymentsPerWeek',
      type: 'numeric',
      render: row => row.flow?.deploymentsPerWeek ?? '–',
    },
    {
      title: 'Retraining / week',
      field: 'flow.retrainingsPerWeek',
      type: 'numeric',
      render: row => row.flow?.retrainingsPerWeek ?? '–',
    },
    {
      title: 'Drift → deploy',
      field: 'flow.driftToDeployMedianHours',
      type: 'numeric',
      render: row => formatHours(row.flow?.driftToDeployMedianHours ?? null),
    },
    {
      title: 'Observed evidence',
      field: 'observedShare',
      type: 'numeric',
      render: row => observedShare(row.evidence) ?? 'not measured',
      // Teams not measured sort after every measured one, either direction.
      customSort: (a, b) => (a.observedShare ?? -1) - (b.observedShare ?? -1),
    },
  ];

  return (
    // The table grows to its columns' width, past the page's edge at 1440 px, where the last
    // columns were cut off; this box scrolls sideways instead.
    <div style={{ overflowX: 'auto' }} data-testid="mlops-team-table">
      <Table<Row>
        title="Teams"
        subtitle={`${teams.length} teams · click a team for its scorecard`}
        data={rows}
        columns={columns}
        filters={[{ column: 'Level band', type: 'multiple-select' }]}
        // Column dragging nests a focusable element in each sort button (an axe violation).
        options={{
          draggable: false,
          paging: true,
          pageSize: 20,
          pageSizeOptions: [20, 50, 100],
          search: true,
          padding: 'dense',
          emptyRowsWhenPaging: false,
        }}
        emptyContent={
          <div style={{ padding: 16 }}>No team matches the filter.</div>
        }
      />
    </div>
  );
};
