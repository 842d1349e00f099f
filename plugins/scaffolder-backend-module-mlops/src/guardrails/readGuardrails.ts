import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { normalizeTeamRef } from './normalizeTeamRef';
import { Guardrails, NO_GUARDRAILS } from './Guardrails';

const CONFIG_KEY = 'mlops.guardrails';

/**
 * Reads `mlops.guardrails`. A broken guardrail config must not silently allow everything, so
 * an invalid value (e.g. a naming pattern that is not a regular expression) throws at startup.
 */
export function readGuardrails(config: Config): Guardrails {
  const root = config.getOptionalConfig(CONFIG_KEY);
  if (!root) {
    return NO_GUARDRAILS;
  }

  const residency = readListMap(root.getOptionalConfig('residency'));
  const modelProviders = readListMap(root.getOptionalConfig('modelProviders'));

  const gpu = root.getOptionalConfig('gpuBudget');
  const ceilings = readNumberMap(gpu?.getOptionalConfig('ceilings'));
  const teams: Guardrails['gpuBudget']['teams'] = {};
  for (const team of gpu?.getOptionalConfigArray('teams') ?? []) {
    teams[normalizeTeamRef(team.getString('team'))] = readNumberMap(
      team.getConfig('ceilings'),
    );
  }

  const naming = root.getOptionalConfig('naming');
  const pattern = naming?.getOptionalString('pattern');
  if (pattern !== undefined) {
    try {
      RegExp(pattern, 'u');
    } catch (error) {
      throw new InputError(
        `${CONFIG_KEY}.naming.pattern is not a valid regular expression: ${pattern}`,
      );
    }
  }

  return {
    residency,
    modelProviders,
    gpuBudget: { ceilings, teams },
    naming: {
      pattern,
      maxLength: naming?.getOptionalNumber('maxLength'),
      forbiddenWords: (
        naming?.getOptionalStringArray('forbiddenWords') ?? []
      ).map(word => word.toLocaleLowerCase('en')),
    },
  };
}

function readListMap(config: Config | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const key of config?.keys() ?? []) {
    result[key] = config!.getStringArray(key);
  }
  return result;
}

function readNumberMap(config: Config | undefined): Record<string, number> {
  const result: Record<string, number> = {};
  for (const key of config?.keys() ?? []) {
    result[key] = config!.getNumber(key);
  }
  return result;
}
