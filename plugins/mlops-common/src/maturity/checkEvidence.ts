import type { FactVerdict } from './compileFactRequirement';
import type { EvidenceMode, EvidenceStatus } from './types';

/** The evidence status of a fact-backed check, from its fact verdict and its declaration. */
export function statusOf(
  verdict: FactVerdict,
  declared: boolean,
): EvidenceStatus {
  switch (verdict.kind) {
    case 'fresh':
      return 'observed';
    case 'stale':
      return 'stale';
    case 'against':
      return declared ? 'contradicted' : 'missing';
    default:
      return declared ? 'declared' : 'missing';
  }
}

/**
 * Whether a fact-backed check passes. An observation passes (with the condition too when the
 * check requires both); a declaration alone passes only in `declared` mode. Stale and
 * contradicted evidence never passes: the source has spoken.
 */
export function passes(
  status: EvidenceStatus,
  declared: boolean,
  requireCondition: boolean,
  mode: EvidenceMode,
): boolean {
  if (status === 'observed') return declared || !requireCondition;
  return status === 'declared' && mode === 'declared';
}
