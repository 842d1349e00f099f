import {
  ECOSYSTEM_ANNOTATIONS,
  EVIDENCE_ANNOTATIONS,
  USE_CASE_ANNOTATIONS,
} from '@landing-zone/plugin-mlops-common';

export interface UseCaseRecord {
  name: string;
  owner: string;
  type: string;
  businessObjective: string;
  kpis: string[];
  dataClassification: string;
  dataResidency: string;
  computeTier: string;
  gpuBudget: number;
  modelProvider?: string;
  targetLevel: number;
  templateRef: string;
  templateVersion: string;
  sourceLocation?: string;
  createdAt: string;
  taskId: string;
}

/** The annotations a use case carries from its creation form; the skeleton brings the evidence. */
export function useCaseAnnotations(
  record: UseCaseRecord,
): Record<string, string> {
  const annotations: Record<string, string> = {
    [ECOSYSTEM_ANNOTATIONS.sourceTemplate]: record.templateRef,
    [USE_CASE_ANNOTATIONS.businessObjective]: record.businessObjective,
    [USE_CASE_ANNOTATIONS.dataClassification]: record.dataClassification,
    [USE_CASE_ANNOTATIONS.targetLevel]: String(record.targetLevel),
    [USE_CASE_ANNOTATIONS.computeTier]: record.computeTier,
    [USE_CASE_ANNOTATIONS.createdAt]: record.createdAt,
    [USE_CASE_ANNOTATIONS.taskId]: record.taskId,
    [EVIDENCE_ANNOTATIONS.dataResidency]: record.dataResidency,
    [EVIDENCE_ANNOTATIONS.gpuBudget]: String(record.gpuBudget),
  };
  if (record.kpis.length > 0) {
    annotations[USE_CASE_ANNOTATIONS.keyResults] = record.kpis.join('\n');
  }
  if (record.modelProvider) {
    annotations[EVIDENCE_ANNOTATIONS.modelProvider] = record.modelProvider;
  }
  if (record.sourceLocation) {
    annotations[ECOSYSTEM_ANNOTATIONS.sourceLocation] = record.sourceLocation;
  }
  return annotations;
}
