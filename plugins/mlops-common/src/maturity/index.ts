export type {
  CheckResult,
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
export {
  readMaturityAnnotations,
  toMaturityAnnotations,
} from './maturityAnnotations';
export type { MaturityAnnotationValues } from './maturityAnnotations';
