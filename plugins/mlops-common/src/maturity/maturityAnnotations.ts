import { MATURITY_ANNOTATIONS } from '../annotations';
import type { MaturitySummary } from './types';

/**
 * The maturity annotations as the catalog processor writes them.
 *
 * @public
 */
export interface MaturityAnnotationValues {
  level: number;
  score: number;
  failingChecks: string[];
}

/**
 * Renders a summary as the annotations the catalog processor writes on an entity.
 *
 * @public
 */
export function toMaturityAnnotations(
  summary: Pick<
    MaturitySummary,
    'level' | 'score' | 'failingChecks' | 'progress'
  > &
    Partial<MaturitySummary>,
): Record<string, string> {
  return {
    [MATURITY_ANNOTATIONS.level]: String(summary.level),
    [MATURITY_ANNOTATIONS.score]: String(summary.score),
    [MATURITY_ANNOTATIONS.failingChecks]: summary.failingChecks.join(','),
    [MATURITY_ANNOTATIONS.progress]: summary.progress
      .map(p => `${p.level}=${p.passed}/${p.total}`)
      .join(','),
  };
}

const WHOLE_NUMBER = /^\d{1,3}$/;

/**
 * Reads the annotations the processor wrote. Returns undefined when the entity carries no
 * valid level and score (not processed, not an ML entity, or hand-edited garbage).
 *
 * @public
 */
export function readMaturityAnnotations(
  entity: unknown,
): MaturityAnnotationValues | undefined {
  const annotations = (
    entity as { metadata?: { annotations?: unknown } } | null
  )?.metadata?.annotations;
  if (typeof annotations !== 'object' || annotations === null) return undefined;
  const read = (key: string) => {
    const value = (annotations as Record<string, unknown>)[key];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const level = read(MATURITY_ANNOTATIONS.level);
  const score = read(MATURITY_ANNOTATIONS.score);
  if (
    !level ||
    !score ||
    !WHOLE_NUMBER.test(level) ||
    !WHOLE_NUMBER.test(score)
  ) {
    return undefined;
  }
  const scoreValue = Number(score);
  if (scoreValue > 100) return undefined;
  const failing = read(MATURITY_ANNOTATIONS.failingChecks) ?? '';
  return {
    level: Number(level),
    score: scoreValue,
    failingChecks: failing
      .split(',')
      .map(id => id.trim())
      .filter(id => id !== ''),
  };
}
