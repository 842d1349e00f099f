import { EmptyState, LinkButton } from '@backstage/core-components';
import { useScaffolderLinks } from '../shared/useScaffolderLinks';
import { useMaturityModel } from '../shared/useMaturityModel';

export const NoUseCases = () => {
  const links = useScaffolderLinks();
  // The ML types are the served model's entity filter, as configured.
  const { model } = useMaturityModel();
  const types = model ? ` (${model.entityFilter.types.join(', ')})` : '';
  const firstLevel = model?.levels.find(level => level.level === 1)?.name;
  return (
    <EmptyState
      missing="data"
      title="No ML use cases yet"
      description={`Scorecards appear once a component of an ML type${types} is in the catalog. Create one from a golden-path template and it starts at Level 1${
        firstLevel ? ` (${firstLevel})` : ''
      }.`}
      action={
        <LinkButton variant="contained" color="primary" to={links.create}>
          Create ML use case
        </LinkButton>
      }
    />
  );
};
