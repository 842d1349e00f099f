import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  catalogModuleMlopsLocalRepositories,
  default as scaffolderModuleMlops,
} from './index';

describe('backend modules', () => {
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

  async function startCatalogModule(config: object) {
    const setAllowedLocationTypes = jest.fn();
    const addProcessor = jest.fn();
    await startTestBackend({
      extensionPoints: [
        [catalogLocationsExtensionPoint, { setAllowedLocationTypes }],
        [catalogProcessingExtensionPoint, { addProcessor } as any],
      ],
      features: [
        catalogModuleMlopsLocalRepositories,
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    return { setAllowedLocationTypes, addProcessor };
  }

  it('allows file locations, guarded, only when the local publisher is configured', async () => {
    const local = await startCatalogModule({
      mlops: { publish: { local: { repositoriesDir: '/srv/repos' } } },
    });
    expect(local.setAllowedLocationTypes).toHaveBeenCalledWith(['url', 'file']);
    expect(local.addProcessor).toHaveBeenCalledTimes(1);

    const production = await startCatalogModule({
      mlops: { publish: { target: 'github', github: { owner: 'acme' } } },
    });
    expect(production.setAllowedLocationTypes).not.toHaveBeenCalled();
    expect(production.addProcessor).not.toHaveBeenCalled();
  });
});
