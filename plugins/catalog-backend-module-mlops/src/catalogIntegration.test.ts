import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import request from 'supertest';
import catalogModuleMlopsMaturity from './index';

jest.setTimeout(120_000);

const templatedEvidence = `
    backstage.io/source-template: template:default/batch-training
    backstage.io/techdocs-ref: dir:.
    github.com/project-slug: acme/fraud-scorer
    landingzone.ml/container-image: registry.example.com/fraud/scorer
    landingzone.ml/ci: github-actions
    mlflow.org/experiment: fraud-scorer
    landingzone.ml/training-pipeline: kubeflow
    landingzone.ml/model-registry: mlflow
    landingzone.ml/data-validation: great-expectations
    landingzone.ml/model-card: docs/model-card.md`;

const catalog = `
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: fraud-scorer
  annotations:${templatedEvidence}
spec:
  type: ml-service
  lifecycle: experimental
  owner: group:default/fraud-ml
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: claims-assistant
  annotations:${templatedEvidence}
    landingzone.ml/evaluation-harness: ragas
    landingzone.ml/data-residency: ca
    landingzone.ml/gpu-budget: lots
    landingzone.ml/model-provider: azure-openai
    landingzone.ml/retraining-trigger: sometimes
spec:
  type: llm-app
  lifecycle: production
  owner: group:default/claims-ml
  dependsOn: [resource:default/claims-history]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: billing-api
spec:
  type: service
  lifecycle: production
  owner: group:default/billing
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: claims-history
spec:
  type: dataset
  owner: group:default/claims-ml
`;

describe('the maturity module in a real catalog backend', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const directory = createMockDirectory({
    content: { 'catalog-info.yaml': catalog },
  });

  async function startCatalog(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    return startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleMlopsMaturity,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'Resource', 'Location'] }],
              locations: [
                {
                  type: 'file',
                  target: directory.resolve('catalog-info.yaml'),
                },
              ],
              processingInterval: { seconds: 1 },
            },
            // No mlops backend runs here, so no facts: the levels come from declarations.
            mlops: { maturity: { evidence: 'declared' } },
          },
        }),
      ],
    });
  }

  async function readEntity(server: unknown, name: string) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await request(server as never)
        .get(`/api/catalog/entities/by-name/component/default/${name}`)
        .set('Authorization', mockCredentials.user.header());
      if (response.status === 200) return response.body;
      if (Date.now() > deadline) {
        throw new Error(`${name} never appeared: ${response.status}`);
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  it.each(databases.eachSupportedId())(
    'annotates ML entities, keeps malformed ones and skips others (%s)',
    async databaseId => {
      const backend = await startCatalog(databaseId);
      try {
        const scorer = await readEntity(backend.server, 'fraud-scorer');
        expect(scorer.metadata.annotations).toMatchObject({
          'landingzone.ml/maturity-level': '1',
          'landingzone.ml/maturity-score': '55',
          'landingzone.ml/maturity-progress': '1=11/11,2=0/9',
        });
        expect(
          scorer.metadata.annotations['landingzone.ml/failing-checks'],
        ).toMatch(/^cd,validation-gate,/);

        // Malformed evidence: still ingested, checks fail, the fields are named.
        const assistant = await readEntity(backend.server, 'claims-assistant');
        expect(assistant.metadata.annotations).toMatchObject({
          'landingzone.ml/maturity-level': '0',
          'landingzone.ml/evidence-warnings':
            'landingzone.ml/retraining-trigger,landingzone.ml/gpu-budget',
        });
        expect(
          assistant.metadata.annotations['landingzone.ml/failing-checks'],
        ).toContain('llm-gpu-budget');

        const billing = await readEntity(backend.server, 'billing-api');
        expect(billing.metadata.annotations).not.toHaveProperty(
          'landingzone.ml/maturity-level',
        );

        // The catalog can filter by level, as the table and search do.
        const levelOne = await request(backend.server)
          .get('/api/catalog/entities/by-query')
          .query({
            filter: 'metadata.annotations.landingzone.ml/maturity-level=1',
          })
          .set('Authorization', mockCredentials.user.header());
        expect(levelOne.body.items.map((e: any) => e.metadata.name)).toEqual([
          'fraud-scorer',
        ]);
      } finally {
        await backend.stop();
      }
    },
  );
});
