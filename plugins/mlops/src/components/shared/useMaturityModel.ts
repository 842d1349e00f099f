import { useMemo } from 'react';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  MaturityModel,
  defaultMaturityModel,
  parseMaturityModelConfig,
} from '@landing-zone/plugin-mlops-common';

/**
 * The maturity model the catalog processor uses: the default one, adjusted by app-config
 * `mlops.maturity` when that is visible to the frontend. A model the config cannot describe
 * falls back to the default, because the processor reports config errors loudly already and
 * the card should still explain the checks.
 */
export function useMaturityModel(): MaturityModel {
  const config = useApi(configApiRef);
  const raw = config.getOptional('mlops.maturity');
  return useMemo(() => {
    try {
      return parseMaturityModelConfig(raw);
    } catch {
      return defaultMaturityModel;
    }
    // The config object is stable for the app's lifetime; compare by content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(raw ?? null)]);
}
