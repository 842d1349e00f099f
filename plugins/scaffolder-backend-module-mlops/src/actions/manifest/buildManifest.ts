import yaml from 'yaml';
import { UseCaseRecord } from './useCaseAnnotations';

export const MANIFEST_API_VERSION = 'landingzone.ml/v1alpha1';

/**
 * `mlops.yaml`: the use case's own description of what it is for and what it may use, read by
 * people and by platform automation. The catalog annotations are derived from the same record.
 */
export function buildManifest(record: UseCaseRecord): string {
  const manifest = {
    apiVersion: MANIFEST_API_VERSION,
    kind: 'UseCase',
    metadata: { name: record.name, owner: record.owner },
    spec: {
      type: record.type,
      objective: record.businessObjective,
      kpis: record.kpis,
      data: {
        classification: record.dataClassification,
        residency: record.dataResidency,
      },
      compute: {
        tier: record.computeTier,
        gpuBudgetHoursPerMonth: record.gpuBudget,
      },
      ...(record.modelProvider
        ? { llm: { provider: record.modelProvider } }
        : {}),
      targetLevel: record.targetLevel,
      template: { ref: record.templateRef, version: record.templateVersion },
      created: { at: record.createdAt, taskId: record.taskId },
    },
  };
  return `# Written by the Landing Zone golden path (mlops:usecase:manifest). Edit through a pull request.\n${yaml.stringify(
    manifest,
    { lineWidth: 0 },
  )}`;
}
