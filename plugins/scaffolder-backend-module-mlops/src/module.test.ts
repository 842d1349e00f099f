import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import scaffolderModuleMlops from './index';

describe('scaffolderModuleMlops', () => {
  it('registers the mlops:* actions with the scaffolder', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModuleMlops,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    expect(
      addActions.mock.calls.flat().map((a: { id: string }) => a.id),
    ).toEqual([
      'mlops:guardrails:check',
      'mlops:publish:plan',
      'mlops:usecase:manifest',
      'mlops:publish:local',
      'mlops:catalog:register-local',
      'mlops:usecase:record',
    ]);
  });
});
