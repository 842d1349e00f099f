import type { Config } from '@backstage/config';
import {
  MaturityModel,
  parseMaturityModelConfig,
} from '@landing-zone/plugin-mlops-common';

/**
 * Reads `mlops.maturity` from app-config and merges it with the default model. Throws at
 * start-up with a message naming the offending key, e.g.
 * `mlops.maturity.checks[3].condition: ...`.
 *
 * @public
 */
export function readMaturityModelFromConfig(config: Config): MaturityModel {
  return parseMaturityModelConfig(config.getOptional('mlops.maturity'));
}
