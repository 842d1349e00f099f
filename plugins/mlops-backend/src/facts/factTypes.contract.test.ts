import {
  CI_RUN_STATUSES,
  FACT_TYPES,
  RETRAINING_TRIGGERS,
} from '@landing-zone/plugin-mlops-common';
import { spec } from '../schema/openapi';

// The runtime lists in mlops-common (config validation, query parameters, storage codes)
// may only name values of the spec's enums (`satisfies` checks that at compile time); this
// checks the other direction: every value the spec allows is listed, so a fact type added
// to openapi.yaml cannot be refused by the code that reads the lists.
describe('fact enums in mlops-common follow openapi.yaml', () => {
  const schemas = spec.components.schemas;

  it('lists every fact type of FactRecord.type', () => {
    expect([...FACT_TYPES].sort()).toEqual(
      [...schemas.FactRecord.properties.type.enum].sort(),
    );
  });

  it('lists every retraining trigger and CI run status', () => {
    expect([...RETRAINING_TRIGGERS].sort()).toEqual(
      [...schemas.RetrainingFactData.properties.trigger.enum].sort(),
    );
    expect([...CI_RUN_STATUSES].sort()).toEqual(
      [...schemas.CiRunFactData.properties.status.enum].sort(),
    );
  });
});
