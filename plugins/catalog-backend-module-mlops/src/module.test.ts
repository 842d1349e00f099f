import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { MlopsMaturityProcessor } from './MlopsMaturityProcessor';
import { catalogModuleMlopsMaturity } from './module';

describe('catalogModuleMlopsMaturity', () => {
  it('registers the maturity processor with the catalog', async () => {
    const addProcessor = jest.fn();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, { addProcessor }]],
      features: [catalogModuleMlopsMaturity],
    });
    expect(addProcessor).toHaveBeenCalledWith(
      expect.any(MlopsMaturityProcessor),
    );
  });

  it('evaluates with the model from app-config', async () => {
    const addProcessor = jest.fn();
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, { addProcessor }]],
      features: [
        catalogModuleMlopsMaturity,
        mockServices.rootConfig.factory({
          data: {
            mlops: { maturity: { entityFilter: { types: ['service'] } } },
          },
        }),
      ],
    });
    const processor: MlopsMaturityProcessor = addProcessor.mock.calls[0][0];
    const entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'svc' },
      spec: { type: 'service', owner: 'group:default/a' },
    };
    const result = await processor.postProcessEntity(
      entity,
      { type: 'url', target: 'x' },
      jest.fn(),
      { get: async () => undefined, set: async () => {} },
    );
    expect(result.metadata.annotations?.['landingzone.ml/maturity-level']).toBe(
      '0',
    );
  });

  it('fails start-up on invalid config, naming the key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [
          [catalogProcessingExtensionPoint, { addProcessor: jest.fn() }],
        ],
        features: [
          catalogModuleMlopsMaturity,
          mockServices.rootConfig.factory({
            data: {
              mlops: {
                maturity: {
                  checks: [{ id: 'cd', condition: { 'spec.x': { $gt: 1 } } }],
                },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'mlops.maturity.checks[0].condition.spec.x.$gt: unsupported operator $gt',
    );
  });
});
