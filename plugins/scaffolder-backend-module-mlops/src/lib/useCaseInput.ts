import {
  computeTier,
  dataClassification,
  freeText,
  gpuBudget,
  groupRef,
  modelProvider,
  region,
  targetLevel,
  useCaseName,
} from './useCaseFields';
import type { Zod } from './zod';

/** The form values every golden-path template passes to the mlops:* actions. */
export const useCaseShape = (z: Zod) => ({
  name: useCaseName(z).describe(
    'Use-case name: the component, repository and image name',
  ),
  owner: groupRef(z).describe('Owning team (group entity ref)'),
  businessObjective: freeText(z).describe(
    'The business outcome the use case serves',
  ),
  dataClassification: dataClassification(z).describe(
    'Classification of the data the use case touches',
  ),
  dataResidency: region(z).describe(
    'Region the data and the workloads must stay in',
  ),
  computeTier: computeTier(z).describe('Compute tier for training and serving'),
  gpuBudget: gpuBudget(z).describe('GPU-hours per month'),
  modelProvider: modelProvider(z)
    .optional()
    .describe('LLM provider (LLM templates only)'),
});

export const targetLevelField = (z: Zod) =>
  targetLevel(z).describe(
    'Maturity level the skeleton is set up for: 1 (automated) or 2 (self-serve / continuous)',
  );
