import { z } from 'zod/v3';
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

/** The form values every golden-path template passes to the mlops:* actions. */
export const useCaseShape = {
  name: useCaseName().describe('Use-case name: the component, repository and image name'),
  owner: groupRef().describe('Owning team (group entity ref)'),
  businessObjective: freeText().describe('The business outcome the use case serves'),
  dataClassification: dataClassification().describe('Classification of the data the use case touches'),
  dataResidency: region().describe('Region the data and the workloads must stay in'),
  computeTier: computeTier().describe('Compute tier for training and serving'),
  gpuBudget: gpuBudget().describe('GPU-hours per month'),
  modelProvider: modelProvider().optional().describe('LLM provider (LLM templates only)'),
};

export const guardrailSubjectSchema = z
  .object({
    name: useCaseShape.name,
    owner: useCaseShape.owner,
    dataClassification: useCaseShape.dataClassification,
    dataResidency: useCaseShape.dataResidency,
    computeTier: useCaseShape.computeTier,
    gpuBudget: useCaseShape.gpuBudget,
    modelProvider: useCaseShape.modelProvider,
  })
  .strict();

export const targetLevelField = targetLevel().describe(
  'Maturity level the skeleton is set up for: 1 (automated) or 2 (self-serve / continuous)',
);
