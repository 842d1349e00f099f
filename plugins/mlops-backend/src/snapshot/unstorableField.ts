import { CatalogUseCase } from './CatalogUseCase';

/** Refs are indexed varchar(255) columns (see the migrations). */
export const MAX_REF_LENGTH = 255;

/** Why one entity cannot be recorded: the field and what was expected of it. */
export interface UnstorableField {
  field: string;
  expected: string;
}

const STRING_FIELDS = [
  ['entityRef', 'entity ref'],
  ['title', 'metadata.title'],
  ['type', 'spec.type'],
  ['lifecycle', 'spec.lifecycle'],
  ['teamRef', 'spec.owner'],
  ['templateRef', 'metadata.annotations.backstage.io/source-template'],
] as const satisfies ReadonlyArray<readonly [keyof CatalogUseCase, string]>;

const REF_FIELDS = new Set<keyof CatalogUseCase>(['entityRef', 'teamRef']);

/**
 * The first value of a use case the history tables cannot hold faithfully, named by its
 * catalog field, or undefined when all of it can be stored. Text columns take any length;
 * what remains is what PostgreSQL refuses (NUL characters, overlong indexed refs, numbers
 * beyond the columns) and levels the maturity model does not have.
 */
export function findUnstorableField(
  useCase: CatalogUseCase,
  levelCount: number,
): UnstorableField | undefined {
  for (const [key, field] of STRING_FIELDS) {
    const value = useCase[key];
    if (typeof value !== 'string') {
      continue;
    }
    if (value.includes('\u0000')) {
      return { field, expected: 'text without NUL characters' };
    }
    if (REF_FIELDS.has(key) && value.length > MAX_REF_LENGTH) {
      return {
        field,
        expected: `an entity ref of at most ${MAX_REF_LENGTH} characters`,
      };
    }
  }
  const { level, score, failingChecks } = useCase.maturity;
  if (!Number.isInteger(level) || level < 0 || level >= levelCount) {
    return {
      field: 'metadata.annotations.landingzone.ml/maturity-level',
      expected: `a level from 0 to ${levelCount - 1}`,
    };
  }
  if (!Number.isInteger(score) || score < 0 || score > 100) {
    return {
      field: 'metadata.annotations.landingzone.ml/maturity-score',
      expected: 'a whole number from 0 to 100',
    };
  }
  if (failingChecks.some(check => check.includes('\u0000'))) {
    return {
      field: 'metadata.annotations.landingzone.ml/failing-checks',
      expected: 'text without NUL characters',
    };
  }
  return undefined;
}
