import { EmptyState, LinkButton } from '@backstage/core-components';
import { useScaffolderLinks } from '../shared/useScaffolderLinks';

export const NoUseCases = () => {
  const links = useScaffolderLinks();
  return (
    <EmptyState
      missing="data"
      title="No ML use cases yet"
      description="Scorecards appear once a component of an ML type (ml-model, ml-pipeline, ml-service, llm-app) is in the catalog. Create one from a golden-path template and it starts at Level 1."
      action={
        <LinkButton variant="contained" color="primary" to={links.create}>
          Create ML use case
        </LinkButton>
      }
    />
  );
};
