import { useApi } from '@backstage/core-plugin-api';
import { MaturityModel } from '@landing-zone/plugin-mlops-common';
import useAsync from 'react-use/esm/useAsync';
import { mlopsApiRef } from '../../api';

/**
 * The maturity model the backend parsed from `mlops.maturity` (GET /api/mlops/model): the
 * one the catalog processor and the scorecards use. The frontend never reads that config
 * itself, so a platform team's custom checks and level names show here as configured.
 */
export function useMaturityModel(): {
  model?: MaturityModel;
  loading: boolean;
  error?: Error;
} {
  const api = useApi(mlopsApiRef);
  const state = useAsync(() => api.getMaturityModel(), [api]);
  // The served document is typed by openapi.yaml; this assignment is the compile-time check
  // that the spec and the evaluator's MaturityModel describe the same thing.
  const model: MaturityModel | undefined = state.value;
  return { model, loading: state.loading, error: state.error };
}
