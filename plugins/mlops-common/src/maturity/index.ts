export type {
  CheckEvidence,
  CheckResult,
  EvaluationContext,
  EvidenceMode,
  EvidenceStatus,
  FactRequirement,
  ObservedFact,
  CompiledMaturityModel,
  EvidenceFormat,
  EvidenceProblem,
  LevelProgress,
  MaturityCheck,
  MaturityEntityFilter,
  MaturityEvaluation,
  MaturityLevel,
  MaturityModel,
  MaturitySummary,
} from './types';
export {
  defaultMaturityModel,
  DEFAULT_APPROVED_MODEL_PROVIDERS,
} from './defaultMaturityModel';
export { compileMaturityModel } from './compileMaturityModel';
export { evaluateMaturity, isMlEntity } from './evaluateMaturity';
export { parseMaturityModelConfig } from './parseMaturityModelConfig';
export { MaturityModelError } from './MaturityModelError';
export { parseIsoDuration, describeAge } from './isoDuration';
export {
  readMaturityAnnotations,
  toMaturityAnnotations,
} from './maturityAnnotations';
export type { MaturityAnnotationValues } from './maturityAnnotations';
