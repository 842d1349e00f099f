import { getJsonValueAtPath } from '@backstage/filter-predicates';
import { compilePath } from './resolvePath';

describe('compilePath', () => {
  const value = {
    metadata: {
      annotations: { 'mlflow.org/experiment': 'fraud', constructor: 'x' },
    },
    'a.b': { c: 1 },
    a: { x: 2 },
    list: [{ y: 1 }],
  };

  it.each([
    ['metadata.annotations.mlflow.org/experiment', 'fraud'],
    ['metadata.annotations.constructor', 'x'],
    ['metadata.annotations.toString', undefined],
    ['a.b.c', 1],
    ['a.x', 2],
    ['list.0.y', undefined],
    ['missing.path', undefined],
  ])('%s → %j, like getJsonValueAtPath', (path, expected) => {
    expect(compilePath(path)(value)).toEqual(expected);
    expect(getJsonValueAtPath(value as never, path)).toEqual(expected);
  });

  // Found by the property test: when both a dotted key and its nested form hold a value,
  // the key that comes first in the object wins.
  it.each([
    [{ a: { b: [0] }, 'a.b': {} }, [0]],
    [{ 'a.b': {}, a: { b: [0] } }, {}],
  ])(
    'takes the first matching key of %j, like getJsonValueAtPath',
    (input, expected) => {
      expect(compilePath('a.b')(input)).toEqual(expected);
      expect(getJsonValueAtPath(input as never, 'a.b')).toEqual(expected);
    },
  );

  it('returns undefined for values that are not objects', () => {
    for (const input of [null, undefined, 'text', 3, [1]]) {
      expect(compilePath('metadata.annotations.x')(input)).toBeUndefined();
      expect(compilePath('a.b')(input)).toBeUndefined();
    }
  });
});
