import { FACT_TYPES, FactType } from '@landing-zone/plugin-mlops-common';

/**
 * Stored codes of fact types. Codes are persisted: append new types, never reorder.
 */
const CODES: Record<FactType, number> = {
  'training-run': 1,
  'model-version': 2,
  evaluation: 3,
  deployment: 4,
  'drift-check': 5,
  retraining: 6,
  'ci-run': 7,
  repository: 8,
};

const TYPES = new Map<number, FactType>(
  FACT_TYPES.map(type => [CODES[type], type]),
);

export const factTypeCode = (type: FactType): number => CODES[type];

export function factTypeOf(code: number): FactType {
  const type = TYPES.get(Number(code));
  if (!type) {
    throw new Error(`Unknown stored fact type code ${code}`);
  }
  return type;
}
