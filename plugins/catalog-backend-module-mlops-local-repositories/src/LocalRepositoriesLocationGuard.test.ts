import { JsonObject } from '@backstage/types';
import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import { LocalRepositoriesLocationGuard } from './LocalRepositoriesLocationGuard';

const root = '/srv/repositories';
const guard = new LocalRepositoriesLocationGuard(root, [
  '../../templates/all.yaml',
]);

const locationEntity = (spec: JsonObject): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Location',
  metadata: { name: 'x' },
  spec,
});
const file = (target: string) => ({ type: 'file', target });

describe('LocalRepositoriesLocationGuard', () => {
  it('lets the catalog read a registered repository inside the root', async () => {
    const entity = locationEntity(file(`${root}/churn/catalog-info.yaml`));
    const location = file(`${root}/churn/catalog-info.yaml`);
    await expect(
      guard.preProcessEntity(entity, location, () => {}, location),
    ).resolves.toBe(entity);
  });

  it('refuses a registered file location elsewhere on the disk', async () => {
    const location = file('/etc/passwd');
    await expect(
      guard.preProcessEntity(
        locationEntity(location),
        location,
        () => {},
        location,
      ),
    ).rejects.toThrow(
      'file location /etc/passwd is outside the local repositories root',
    );
  });

  it('refuses a relative target that climbs out of a repository', async () => {
    const location = file(`${root}/churn/catalog-info.yaml`);
    const entity = locationEntity({ targets: ['../../../etc/shadow.yaml'] });
    await expect(
      guard.preProcessEntity(entity, location, () => {}, location),
    ).rejects.toThrow('outside the local repositories root');
  });

  it('keeps the operator’s app-config file locations working', async () => {
    const origin = file(path.resolve('../../templates/all.yaml'));
    const entity = locationEntity({
      targets: ['./batch-training/template.yaml'],
    });
    await expect(
      guard.preProcessEntity(entity, origin, () => {}, origin),
    ).resolves.toBe(entity);
  });

  it('ignores url locations and other kinds', async () => {
    const url = {
      type: 'url',
      target: 'https://example.com/catalog-info.yaml',
    };
    const entity = locationEntity(url);
    await expect(
      guard.preProcessEntity(entity, url, () => {}, url),
    ).resolves.toBe(entity);
    const component = { ...entity, kind: 'Component' };
    const outside = file('/etc/x.yaml');
    await expect(
      guard.preProcessEntity(component, outside, () => {}, outside),
    ).resolves.toBe(component);
  });
});
