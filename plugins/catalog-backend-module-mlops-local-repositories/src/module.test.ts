import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import catalogModuleMlopsLocalRepositories from './index';

describe('catalogModuleMlopsLocalRepositories', () => {
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
