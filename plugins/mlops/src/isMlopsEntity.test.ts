import { Entity } from '@backstage/catalog-model';
import { isMlopsEntity } from './isMlopsEntity';

const entity = (kind: string, type?: unknown): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: type === undefined ? {} : { type },
});

describe('isMlopsEntity', () => {
  it.each(['ml-model', 'ml-pipeline', 'ml-service', 'llm-app'])(
    'accepts a Component of type %s',
    type => expect(isMlopsEntity(entity('Component', type))).toBe(true),
  );

  it('rejects other component types, other kinds and a missing or odd type', () => {
    expect(isMlopsEntity(entity('Component', 'service'))).toBe(false);
    expect(isMlopsEntity(entity('API', 'ml-model'))).toBe(false);
    expect(isMlopsEntity(entity('Component'))).toBe(false);
    expect(isMlopsEntity(entity('Component', ['ml-model']))).toBe(false);
  });
});
