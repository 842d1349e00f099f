import {
  evaluateFilterPredicate,
  FilterPredicate,
} from '@backstage/filter-predicates';
import fc from 'fast-check';
import {
  compilePredicate,
  PredicateCompileError,
  RootPathOptions,
} from './compilePredicate';
import { compilePath } from './resolvePath';

const entity = {
  kind: 'Component',
  metadata: {
    name: 'scorer',
    annotations: {
      'mlflow.org/experiment': 'fraud',
      'landingzone.ml/ci': 'gha',
    },
    tags: ['ml', 'fraud'],
  },
  spec: { type: 'ml-model', replicas: 3, dependsOn: ['resource:default/ds'] },
  relations: [{ type: 'dependsOn', targetRef: 'resource:default/ds' }],
};

describe('compilePredicate', () => {
  it.each<[FilterPredicate, boolean]>([
    [{ kind: 'component' }, true],
    [{ kind: 'API' }, false],
    [{ 'spec.replicas': '3' }, true],
    [{ 'metadata.annotations.mlflow.org/experiment': { $exists: true } }, true],
    [
      { 'metadata.annotations.mlflow.org/experiment': { $exists: false } },
      false,
    ],
    [{ 'metadata.annotations.argocd/app-name': { $exists: false } }, true],
    [{ 'spec.type': { $in: ['ml-model', 'llm-app'] } }, true],
    [{ 'spec.type': { $in: ['service'] } }, false],
    [{ 'metadata.tags': { $contains: 'FRAUD' } }, true],
    [{ relations: { $contains: { type: 'dependsOn' } } }, true],
    [{ relations: { $contains: { type: 'ownedBy' } } }, false],
    [{ 'spec.type': { $hasPrefix: 'ML-' } }, true],
    [{ $all: [{ kind: 'Component' }, { 'spec.type': 'ml-model' }] }, true],
    [{ $any: [{ kind: 'API' }, { 'spec.type': 'ml-model' }] }, true],
    [{ $not: { kind: 'Component' } }, false],
    [{ kind: 'Component', 'spec.type': 'other' }, false],
  ])('%j → %s, like filter-predicates', (predicate, expected) => {
    expect(compilePredicate(predicate).test(entity)).toBe(expected);
    expect(evaluateFilterPredicate(predicate, entity)).toBe(expected);
  });

  it.each<[unknown, string]>([
    [{ 'spec.replicas': { $gt: 2 } }, 'spec.replicas.$gt'],
    [{ $or: [] }, '$or'],
    [
      { $any: [{ kind: 'x' }, { 'spec.x': { $exists: 'yes' } }] },
      '$any[1].spec.x.$exists',
    ],
    [{ kind: { $in: 'x' } }, 'kind.$in'],
    [{ kind: { $exists: true, $in: ['x'] } }, 'kind'],
    [{ $all: [], kind: 'x' }, ''],
    [{ kind: ['a'] }, 'kind'],
  ])('rejects %j at compile time, naming %s', (predicate, where) => {
    let error: unknown;
    try {
      compilePredicate(predicate);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PredicateCompileError);
    expect((error as PredicateCompileError).where).toBe(where);
  });

  describe('with evidence values read ahead', () => {
    const slots = [
      'metadata.annotations.mlflow.org/experiment',
      'metadata.annotations.landingzone.ml/ci',
      'metadata.annotations.argocd/app-name',
    ];
    const rootPaths: RootPathOptions = {
      resolve: path => {
        const plain = compilePath(path);
        const slot = slots.indexOf(path);
        return (value, evidence) =>
          evidence && slot >= 0 ? evidence[slot] : plain(value);
      },
      slot: path => (slots.includes(path) ? slots.indexOf(path) : undefined),
    };
    const evidence = slots.map(path => compilePath(path)(entity));
    const exists = (i: number) =>
      ({ [slots[i]]: { $exists: true } } as FilterPredicate);

    it.each<[FilterPredicate]>([
      [exists(0)],
      [exists(2)],
      [{ $any: [exists(2), exists(1)] }],
      [{ $any: [exists(2)] }],
      [{ $all: [exists(0), exists(1)] }],
      [{ $all: [exists(0), exists(2)] }],
      [{ $any: [exists(2), { kind: 'component' }] }],
      [{ $not: { $any: [exists(0), exists(2)] } }],
    ])(
      '%j gives the same answer from the values as from the entity',
      predicate => {
        const compiled = compilePredicate(predicate, rootPaths);
        expect(compiled.test(entity, evidence)).toBe(compiled.test(entity));
        expect(compiled.test(entity)).toBe(
          evaluateFilterPredicate(predicate, entity),
        );
      },
    );
  });

  it('explains passes and failures naming the evidence', () => {
    const predicate = compilePredicate({
      $any: [
        { 'metadata.annotations.landingzone.ml/cd': { $exists: true } },
        { 'metadata.annotations.argocd/app-selector': { $exists: true } },
      ],
    });
    expect(predicate.explain(entity)).toBe(
      'annotation landingzone.ml/cd is not set and annotation argocd/app-selector is not set',
    );
    expect(
      compilePredicate({ 'spec.type': { $in: ['llm-app'] } }).explain(entity),
    ).toBe("spec.type is 'ml-model', expected one of 'llm-app'");
    expect(
      compilePredicate({
        'metadata.annotations.mlflow.org/experiment': { $exists: true },
      }).explain(entity),
    ).toBe("annotation mlflow.org/experiment is 'fraud'");
  });

  describe('agrees with evaluateFilterPredicate on random inputs', () => {
    const key = fc.constantFrom('a', 'b', 'a.b', 'c', 'type');
    const primitive = fc.oneof(
      fc.constantFrom('x', 'X', 'y', '7', 'ml-model'),
      fc.constantFrom(7, 0, 1),
      fc.boolean(),
    );
    const value = fc.letrec(tie => ({
      node: fc.oneof(
        { depthSize: 'small' },
        primitive,
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 3, noNullPrototype: true }),
      ),
    })).node;
    const path = fc.constantFrom('a', 'b', 'a.b', 'a.b.c', 'c.type', 'type');
    const predicate = fc.letrec<{
      predicate: FilterPredicate;
      matcher: unknown;
    }>(tie => ({
      matcher: fc.oneof(
        { depthSize: 'small' },
        primitive,
        fc.record({ $exists: fc.boolean() }),
        fc.record({ $in: fc.array(primitive, { maxLength: 3 }) }),
        fc.record({ $hasPrefix: fc.constantFrom('x', 'ML', '') }),
        fc.record({ $contains: tie('predicate') }),
      ),
      predicate: fc.oneof(
        { depthSize: 'small' },
        fc.dictionary(path, tie('matcher'), {
          minKeys: 1,
          maxKeys: 2,
          noNullPrototype: true,
        }),
        fc.record({ $all: fc.array(tie('predicate'), { maxLength: 2 }) }),
        fc.record({ $any: fc.array(tie('predicate'), { maxLength: 2 }) }),
        fc.record({ $not: tie('predicate') }),
        primitive,
      ) as fc.Arbitrary<FilterPredicate>,
    })).predicate;

    // fast-check's default prototype-less objects make filter-predicates itself throw
    // (String(value) has no toString); catalog entities come from JSON and have one.
    it('for 5,000 predicate/value pairs', () => {
      fc.assert(
        fc.property(
          predicate,
          fc.dictionary(key, value, { maxKeys: 4, noNullPrototype: true }),
          (p, v) => {
            expect(compilePredicate(p).test(v)).toBe(
              evaluateFilterPredicate(p, v),
            );
          },
        ),
        { numRuns: 5000 },
      );
    });
  });
});
