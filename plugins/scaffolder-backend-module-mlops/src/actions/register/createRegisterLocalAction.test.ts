import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import path from 'node:path';
import { createRegisterLocalAction } from './createRegisterLocalAction';

describe('mlops:catalog:register-local', () => {
  const root = createMockDirectory({
    content: {
      'churn-forecast/catalog-info.yaml':
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: churn-forecast\nspec: {}\n',
    },
  });
  const config = mockServices.rootConfig({
    data: { mlops: { publish: { local: { repositoriesDir: root.path } } } },
  });

  function setup() {
    const catalog = catalogServiceMock.mock();
    const action = createRegisterLocalAction({ config, catalog });
    const run = (input: Record<string, unknown>) => {
      const ctx = createMockActionContext({ input: input as any });
      return action.handler(ctx).then(() => ctx);
    };
    return { catalog, run };
  }

  it('registers the file location inside the repositories root', async () => {
    const { catalog, run } = setup();
    const ctx = await run({ name: 'churn-forecast' });
    const target = path.join(root.path, 'churn-forecast', 'catalog-info.yaml');
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target },
      expect.objectContaining({ credentials: expect.anything() }),
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/churn-forecast',
    );
  });

  it('treats an already registered location as done (a retried step)', async () => {
    const { catalog, run } = setup();
    catalog.addLocation.mockRejectedValue(new ConflictError('exists'));
    const ctx = await run({ name: 'churn-forecast' });
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/churn-forecast',
    );
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [{ name: '../../etc' }, /name: expected lowercase letters/],
    [
      { name: 'churn-forecast', catalogInfoPath: '../../../etc/passwd' },
      /catalogInfoPath: expected a path inside the repository/,
    ],
    [
      { name: 'churn-forecast', catalogInfoPath: '/etc/passwd' },
      /catalogInfoPath: expected a path inside the repository/,
    ],
    [
      { name: 'never-published' },
      /name: no published repository "never-published"/,
    ],
  ])('rejects %j without registering anything', async (input, message) => {
    const { catalog, run } = setup();
    await expect(run(input)).rejects.toThrow(message);
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });
});
