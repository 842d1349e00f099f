import { Entity } from '@backstage/catalog-model';
import {
  ecosystemMlShape,
  evidenceRelationTargets,
  relatedMlEvidence,
} from './ecosystemShapes';

const entity = (
  kind: string,
  name: string,
  type?: string,
  relations: Entity['relations'] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: type ? { type } : {},
  relations,
});

// A model-catalog-bridge model server as the bridge writes it: it dependsOn its model
// Resource and providesApi its endpoint; an LLM app consumes an MCP server.
const server = entity('Component', 'granite-server', 'model-server', [
  { type: 'dependsOn', targetRef: 'resource:default/granite-3b' },
  { type: 'providesApi', targetRef: 'api:default/granite-endpoint' },
  { type: 'consumesApi', targetRef: 'api:default/search-tools' },
  { type: 'dependsOn', targetRef: 'resource:default/claims-db' },
  { type: 'partOf', targetRef: 'airesource:default/granite-family' },
  { type: 'ownedBy', targetRef: 'group:default/ai-platform' },
]);

describe('ecosystemMlShape', () => {
  it('recognises the shapes other plugins write, case-insensitively', () => {
    expect(ecosystemMlShape(server)).toBe('model-server');
    expect(ecosystemMlShape(entity('Resource', 'm', 'ai-model'))).toBe(
      'ai-model',
    );
    expect(ecosystemMlShape(entity('API', 'a', 'AI-Model-Server'))).toBe(
      'model-server-api',
    );
    expect(ecosystemMlShape(entity('API', 'a', 'mcp-server'))).toBe(
      'mcp-server',
    );
    expect(ecosystemMlShape(entity('AiResource', 'r'))).toBe('ai-resource');
  });

  it('leaves other entities alone', () => {
    expect(ecosystemMlShape(entity('Resource', 'db', 'database'))).toBe(
      undefined,
    );
    expect(ecosystemMlShape(entity('API', 'a', 'openapi'))).toBe(undefined);
    // The type alone is not the shape: an ai-model Component is not the bridge's Resource.
    expect(ecosystemMlShape(entity('Component', 'c', 'ai-model'))).toBe(
      undefined,
    );
  });
});

describe('relatedMlEvidence', () => {
  it('asks for the targets of evidence relations only, not the owner', () => {
    expect(evidenceRelationTargets(server)).toEqual([
      'resource:default/granite-3b',
      'api:default/granite-endpoint',
      'api:default/search-tools',
      'resource:default/claims-db',
      'airesource:default/granite-family',
    ]);
  });

  it('lists the related ML entities as declared evidence, by shape', () => {
    const related = [
      entity('API', 'search-tools', 'mcp-server'),
      entity('Resource', 'claims-db', 'database'),
      undefined, // a target the catalog no longer has
      entity('AiResource', 'granite-family'),
      { ...entity('Resource', 'granite-3b', 'ai-model') },
      entity('API', 'granite-endpoint', 'ai-model-server'),
      // Not related to the server: passed by mistake, not listed.
      entity('Resource', 'other-model', 'ai-model'),
    ];
    related[4]!.metadata.title = 'Granite 3B';
    expect(relatedMlEvidence(server, related)).toEqual([
      {
        entityRef: 'resource:default/granite-3b',
        shape: 'ai-model',
        relations: ['dependsOn'],
        title: 'Granite 3B',
        status: 'declared',
      },
      {
        entityRef: 'api:default/granite-endpoint',
        shape: 'model-server-api',
        relations: ['providesApi'],
        title: 'granite-endpoint',
        status: 'declared',
      },
      {
        entityRef: 'api:default/search-tools',
        shape: 'mcp-server',
        relations: ['consumesApi'],
        title: 'search-tools',
        status: 'declared',
      },
      {
        entityRef: 'airesource:default/granite-family',
        shape: 'ai-resource',
        relations: ['partOf'],
        title: 'granite-family',
        status: 'declared',
      },
    ]);
  });

  it('finds a model server an ML use case depends on', () => {
    const useCase = entity('Component', 'churn', 'ml-model', [
      { type: 'dependsOn', targetRef: 'component:granite-server' },
    ]);
    expect(relatedMlEvidence(useCase, [server])).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/granite-server',
        shape: 'model-server',
      }),
    ]);
  });
});
