import {
  createBackendPlugin,
  coreServices,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { MaturityModel } from '@landing-zone/plugin-mlops-common';
import { maturityModelServiceRef } from './maturityModelService';

/** A plugin that only records the model it was given, as the real consumers would read it. */
function recordingPlugin(pluginId: string, seen: MaturityModel[]) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { model: maturityModelServiceRef, logger: coreServices.logger },
        async init({ model }) {
          seen.push(model);
        },
      });
    },
  });
}

describe('maturityModelServiceRef', () => {
  it('gives every plugin of a process the same model, parsed from mlops.maturity', async () => {
    const seen: MaturityModel[] = [];
    await startTestBackend({
      features: [
        recordingPlugin('first', seen),
        recordingPlugin('second', seen),
        mockServices.rootConfig.factory({
          data: {
            mlops: {
              maturity: {
                levels: [{ level: 1, name: 'Repeatable' }],
                checks: [
                  {
                    id: 'model-card',
                    title: 'Model card',
                    level: 1,
                    condition: {
                      'metadata.annotations.example.com/model-card': {
                        $exists: true,
                      },
                    },
                  },
                ],
              },
            },
          },
        }),
      ],
    });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[0].levels.find(l => l.level === 1)?.name).toBe('Repeatable');
    expect(seen[0].checks.map(c => c.id)).toContain('model-card');
  });

  it('fails the start-up on an invalid model, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          recordingPlugin('first', []),
          mockServices.rootConfig.factory({
            data: { mlops: { maturity: { checks: [{ title: 'no id' }] } } },
          }),
        ],
      }),
    ).rejects.toThrow(/mlops\.maturity\.checks\[0\]/);
  });
});
