import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import {
  EcosystemMlShape,
  evidenceRelationTargets,
  relatedMlEvidence,
} from '@landing-zone/plugin-mlops-common';

const SHAPE_LABELS: Record<EcosystemMlShape, string> = {
  'model-server': 'Model server',
  'ai-model': 'AI model',
  'model-server-api': 'Model server API',
  'mcp-server': 'MCP server',
  'ai-resource': 'AI resource',
};

/**
 * The ML entities other plugins put in the catalog (model-catalog-bridge model servers and
 * ai-model Resources, model-server and MCP APIs, AiResources) that this use case relates to.
 * They are catalog declarations, not observations, and say so.
 */
export const RelatedMlEntities = (props: { entity: Entity }) => {
  const catalogApi = useApi(catalogApiRef);
  const entityLink = useEntityRefLink();
  const targets = evidenceRelationTargets(props.entity);
  const key = targets.join(',');
  const state = useAsync(async () => {
    if (targets.length === 0) return [];
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: targets,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.type',
      ],
    });
    return relatedMlEvidence(props.entity, items);
    // The targets' refs are the dependency: the entity object changes on every refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);

  // Nothing related, or still loading: no section, the card does not jump for it.
  if (state.loading || (!state.error && !state.value?.length)) return null;
  return (
    <Box mt={2} mb={1} data-testid="mlops-related-ml-entities">
      <Typography variant="subtitle2" component="h3">
        Related ML entities in the catalog
      </Typography>
      {state.error ? (
        <Typography variant="body2" color="textSecondary">
          Related entities unavailable: {state.error.message}
        </Typography>
      ) : (
        <ul>
          {state.value!.map(related => (
            <li
              key={related.entityRef}
              data-testid={`related-${related.entityRef}`}
            >
              <Typography variant="body2" component="span">
                {SHAPE_LABELS[related.shape]}{' '}
                <Link to={entityLink(related.entityRef)}>{related.title}</Link>{' '}
                ({related.relations.join(', ')})
              </Typography>
              <Chip
                size="small"
                label="Declared · catalog"
                style={{ marginLeft: 8, height: 20 }}
              />
            </li>
          ))}
        </ul>
      )}
    </Box>
  );
};
