import { compileMaturityModel } from './compileMaturityModel';
import { defaultMaturityModel } from './defaultMaturityModel';
import type {
  CompiledMaturityModel,
  EvaluationContext,
  MaturityEvaluation,
  MaturityModel,
} from './types';

// Compiling costs far more than evaluating, so each model object is compiled once.
const compiledModels = new WeakMap<MaturityModel, CompiledMaturityModel>();

function compiled(model: MaturityModel): CompiledMaturityModel {
  let found = compiledModels.get(model);
  if (!found) {
    found = compileMaturityModel(model);
    compiledModels.set(model, found);
  }
  return found;
}

/**
 * Evaluates the maturity model (the default one unless given) on an entity: level, score,
 * and every applicable check with a human reason and its evidence, judged on the entity's
 * facts at `context.now`. Pure; tolerant of malformed entities and facts. An entity the
 * model does not cover comes back with `applicable: false`.
 *
 * @public
 */
export function evaluateMaturity(
  entity: unknown,
  model: MaturityModel = defaultMaturityModel,
  context?: EvaluationContext,
): MaturityEvaluation {
  return compiled(model).evaluate(entity, context);
}

/**
 * Whether the entity is an ML use case under the model's entity filter (default:
 * `kind: Component` with an ML `spec.type`).
 *
 * @public
 */
export function isMlEntity(
  entity: unknown,
  model: MaturityModel = defaultMaturityModel,
): boolean {
  return compiled(model).isMlEntity(entity);
}
