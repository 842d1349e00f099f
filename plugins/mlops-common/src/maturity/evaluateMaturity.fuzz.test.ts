import fc from 'fast-check';
import { compileMaturityModel } from './compileMaturityModel';
import { defaultMaturityModel } from './defaultMaturityModel';
import {
  LEVEL_ONE_ANNOTATIONS,
  LEVEL_TWO_ANNOTATIONS,
  LLM_ANNOTATIONS,
} from './testing/entities';

const evidenceKeys = [
  ...Object.keys(LEVEL_ONE_ANNOTATIONS),
  ...Object.keys(LEVEL_TWO_ANNOTATIONS),
  ...Object.keys(LLM_ANNOTATIONS),
  'mlflow.org/experiment',
  'github.com/project-slug',
];

/** Anything JSON can hold, plus values JSON cannot (prototype-less objects, -0, NaN). */
const garbage = fc.oneof(
  fc.anything({ maxDepth: 2, withNullPrototype: true, withBoxedValues: false }),
  fc.constantFrom('', 'lots', 'false', 'sometimes', '-1', 'true', 'schedule'),
);

const annotations = fc.oneof(
  fc.dictionary(fc.constantFrom(...evidenceKeys), garbage, { maxKeys: 12 }),
  garbage,
);

const entity = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        apiVersion: fc.constant('backstage.io/v1alpha1'),
        kind: fc.oneof(
          fc.constantFrom('Component', 'component', 'Resource'),
          garbage,
        ),
        metadata: fc.oneof(
          fc.record({ name: garbage, annotations }, { requiredKeys: [] }),
          garbage,
        ),
        spec: fc.oneof(
          fc.record(
            {
              type: fc.oneof(
                fc.constantFrom('ml-model', 'llm-app', 'service'),
                garbage,
              ),
              owner: garbage,
              dependsOn: garbage,
            },
            { requiredKeys: [] },
          ),
          garbage,
        ),
        relations: garbage,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: garbage },
);

describe('maturity evaluation on random and malformed entities', () => {
  const compiled = compileMaturityModel(defaultMaturityModel);
  const maxLevel = defaultMaturityModel.levels.length - 1;

  it('never throws and always returns a sane result (10,000 entities)', () => {
    fc.assert(
      fc.property(entity, e => {
        const summary = compiled.summarize(e);
        const full = compiled.evaluate(e);
        // The full evaluation declines entities the model does not cover; summarize is
        // only called on covered ones (the processor filters first).
        expect(full.applicable).toBe(compiled.isMlEntity(e));
        const covered = full.applicable ? summary : { level: 0, score: 0 };
        expect(full.level).toBe(covered.level);
        expect(full.score).toBe(covered.score);
        expect(summary.level).toBeGreaterThanOrEqual(0);
        expect(summary.level).toBeLessThanOrEqual(maxLevel);
        expect(summary.score).toBeGreaterThanOrEqual(0);
        expect(summary.score).toBeLessThanOrEqual(100);
        expect(typeof compiled.isMlEntity(e)).toBe('boolean');
        for (const check of full.checks)
          expect(typeof check.reason).toBe('string');
      }),
      { numRuns: 10_000 },
    );
  });
});
