import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { Link, Table, TableColumn } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { UseCaseSummary } from '@landing-zone/plugin-mlops-common';
import { LevelChip } from '../shared/LevelChip';
import { levelName } from '../shared/format';
import { observedShare } from '../shared/observedShare';

type Row = UseCaseSummary & { id: string };

export const UseCaseTable = (props: {
  useCases: UseCaseSummary[];
  levelNames: string[];
}) => {
  const entityLink = useEntityRefLink();
  const { levelNames } = props;
  const columns: TableColumn<Row>[] = [
    {
      title: 'Use case',
      field: 'title',
      highlight: true,
      render: row => <Link to={entityLink(row.entityRef)}>{row.title}</Link>,
    },
    { title: 'Type', field: 'type' },
    { title: 'Lifecycle', field: 'lifecycle' },
    {
      title: 'Level',
      field: 'level',
      type: 'numeric',
      defaultSort: 'desc',
      render: row => (
        <LevelChip level={row.level} name={levelName(levelNames, row.level)} />
      ),
    },
    { title: 'Score', field: 'score', type: 'numeric' },
    {
      title: 'Evidence',
      field: 'observedChecks',
      type: 'numeric',
      render: row => observedShare(row) ?? 'declared only',
    },
    {
      title: 'Failing checks',
      field: 'failingChecks',
      sorting: false,
      customFilterAndSearch: (term, row) =>
        row.failingChecks.some(check => check.includes(String(term))),
      render: row =>
        row.failingChecks.length === 0 ? (
          'none'
        ) : (
          <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
            {row.failingChecks.map(check => (
              <Chip key={check} size="small" variant="outlined" label={check} />
            ))}
          </Box>
        ),
    },
  ];
  return (
    <Table<Row>
      title="Use cases"
      data={props.useCases.map(useCase => ({
        ...useCase,
        id: useCase.entityRef,
      }))}
      columns={columns}
      // Column dragging nests a focusable element in each sort button (an axe violation).
      options={{
        draggable: false,
        paging: props.useCases.length > 20,
        pageSize: 20,
        padding: 'dense',
      }}
    />
  );
};
