import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  MaturityModel,
  parseMaturityModelConfig,
} from '@landing-zone/plugin-mlops-common';

/** Settings that turn hours into money (see README, "value"). */
export interface ValueSettings {
  manualOnboardingHours: number;
  selfServeHours: number;
  hourlyCost: number;
  currency: string;
}

/** Everything the mlops backend reads from app-config, with defaults applied. */
export interface MlopsBackendConfig {
  /** The maturity model (maturityModelServiceRef), served at GET /model. */
  model: MaturityModel;
  mlTypes: string[];
  /** Names of the maturity levels, index = level (from the shared maturity model). */
  levelNames: string[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  retentionDays: number;
  value: ValueSettings;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 15 },
};

function readNonNegative(
  config: Config,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key) ?? fallback;
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(
      `Invalid config mlops.value.${key}: expected a non-negative number, got ${value}`,
    );
  }
  return value;
}

/**
 * Reads and validates the `mlops` section; a bad value names its key.
 *
 * `model` is the process's maturity model (maturityModelServiceRef, which the plugin
 * passes); without it the model is parsed from the same config, for tests and benches.
 */
export function readMlopsBackendConfig(
  root: Config,
  model: MaturityModel = parseMaturityModelConfig(
    root.getOptional('mlops.maturity'),
  ),
): MlopsBackendConfig {
  const config = root.getOptionalConfig('mlops');
  const history = config?.getOptionalConfig('history');
  const value = config?.getOptionalConfig('value');

  // The model is the one source of level names and of the ML types (its entity filter,
  // defaults in mlops-common): what the processor scores is what the history tracks.
  const mlTypes = model.entityFilter.types;
  if (mlTypes.length === 0) {
    throw new Error(
      'Invalid config mlops.maturity.entityFilter.types: the history needs the ML component types listed, expected at least one',
    );
  }

  const retentionDays = history?.getOptionalNumber('retentionDays') ?? 730;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(
      `Invalid config mlops.history.retentionDays: expected a positive whole number of days, got ${retentionDays}`,
    );
  }

  const schedule = history?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        history.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;

  const manualOnboardingHours = value
    ? readNonNegative(value, 'manualOnboardingHours', 80)
    : 80;
  const selfServeHours = value
    ? readNonNegative(value, 'selfServeHours', 4)
    : 4;
  const hourlyCost = value ? readNonNegative(value, 'hourlyCost', 100) : 100;

  return {
    model,
    mlTypes,
    levelNames: [...model.levels]
      .sort((a, b) => a.level - b.level)
      .map(level => level.name),
    schedule,
    retentionDays,
    value: {
      manualOnboardingHours,
      selfServeHours,
      hourlyCost,
      currency: value?.getOptionalString('currency') ?? 'USD',
    },
  };
}
