import { MaturityModelError } from './MaturityModelError';
import type { MaturityModel } from './types';

/** Check ids go into a comma-separated annotation, so they must be simple. */
export const CHECK_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Structural rules a model must follow beyond its TypeScript type: contiguous levels from
 * 0, unique simple check ids, checks on existing levels above 0, and at least one required
 * check per level (otherwise every entity would reach it without doing anything).
 */
export function validateModelShape(model: MaturityModel): void {
  const levels = [...model.levels].sort((a, b) => a.level - b.level);
  if (levels.length === 0) {
    throw new MaturityModelError('levels', 'at least level 0 is needed');
  }
  levels.forEach((level, i) => {
    if (level.level !== i) {
      throw new MaturityModelError(
        'levels',
        `levels must be numbered 0, 1, 2… without gaps; found ${levels
          .map(l => l.level)
          .join(', ')}`,
      );
    }
    if (typeof level.name !== 'string' || level.name.trim() === '') {
      throw new MaturityModelError(
        `levels[${i}].name`,
        'expected a non-empty string',
      );
    }
  });
  const seen = new Set<string>();
  model.checks.forEach((check, i) => {
    if (!CHECK_ID_PATTERN.test(check.id)) {
      throw new MaturityModelError(
        `checks[${i}].id`,
        `expected lower-case letters, digits and dashes, got ${JSON.stringify(
          check.id,
        )}`,
      );
    }
    if (seen.has(check.id)) {
      throw new MaturityModelError(
        `checks[${i}].id`,
        `duplicate check id '${check.id}'`,
      );
    }
    seen.add(check.id);
    if (check.condition === undefined && check.fact === undefined) {
      throw new MaturityModelError(
        `checks[${i}]`,
        `check '${check.id}' needs a condition, a fact, or both`,
      );
    }
    if (
      !Number.isInteger(check.level) ||
      check.level < 1 ||
      check.level >= levels.length
    ) {
      throw new MaturityModelError(
        `checks[${i}].level`,
        `expected a level between 1 and ${
          levels.length - 1
        }, got ${JSON.stringify(check.level)}`,
      );
    }
  });
  if (
    model.evidence !== undefined &&
    model.evidence !== 'observed' &&
    model.evidence !== 'declared'
  ) {
    throw new MaturityModelError(
      'evidence',
      `expected observed or declared, got ${JSON.stringify(model.evidence)}`,
    );
  }
  for (const level of levels.slice(1)) {
    if (!model.checks.some(c => c.level === level.level && c.required)) {
      throw new MaturityModelError(
        'checks',
        `level ${level.level} (${level.name}) has no required check, so every entity would reach it; add one or remove the level`,
      );
    }
  }
}
