import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  describeViolation,
  evaluateGuardrails,
} from '../../guardrails/evaluateGuardrails';
import { readGuardrails } from '../../guardrails/readGuardrails';
import { requireOwnerGroup } from '../../guardrails/requireOwnerGroup';
import { parseInput } from '../../lib/parseInput';
import { useCaseShape } from '../../lib/useCaseInput';
import { Zod, handlerZod } from '../../lib/zod';
import { guardrailsCheckExamples } from './guardrailsCheck.examples';

export const GUARDRAILS_CHECK_ACTION_ID = 'mlops:guardrails:check';

/** The form values the guardrails judge. */
export const guardrailsCheckInput = (z: Zod) => {
  const shape = useCaseShape(z);
  return z
    .object({
      name: shape.name,
      owner: shape.owner,
      dataClassification: shape.dataClassification,
      dataResidency: shape.dataResidency,
      computeTier: shape.computeTier,
      gpuBudget: shape.gpuBudget,
      modelProvider: shape.modelProvider,
    })
    .strict();
};

const guardrailsCheckOutput = (z: Zod) =>
  z.object({
    passed: z
      .boolean()
      .describe('Always true: a violation fails the step instead'),
    rulesChecked: z
      .array(z.string())
      .describe(
        'Guardrail groups configured and evaluated, e.g. ["residency", "gpuBudget"]',
      ),
  });

/**
 * `mlops:guardrails:check` — the first step of every golden path. It only reads, so a violation
 * stops the run before `fetch:template` writes anything or a publisher creates a repository.
 */
export function createGuardrailsCheckAction(options: {
  config: Config;
  catalog: CatalogService;
}) {
  // Read once at startup: a broken guardrail config fails the backend, not a user's run.
  const guardrails = readGuardrails(options.config);
  const rulesChecked = [
    Object.keys(guardrails.residency).length > 0 && 'residency',
    (Object.keys(guardrails.gpuBudget.ceilings).length > 0 ||
      Object.keys(guardrails.gpuBudget.teams).length > 0) &&
      'gpuBudget',
    Object.keys(guardrails.modelProviders).length > 0 && 'modelProviders',
    (guardrails.naming.pattern !== undefined ||
      guardrails.naming.maxLength !== undefined ||
      guardrails.naming.forbiddenWords.length > 0) &&
      'naming',
  ].filter((rule): rule is string => typeof rule === 'string');

  return createTemplateAction({
    id: GUARDRAILS_CHECK_ACTION_ID,
    description:
      "Checks a new ML use case against the platform team's guardrails (the owner is a Group in the catalog; data residency per classification, GPU budget ceilings per team and compute tier, approved LLM providers, naming rules). Fails with the field, the rule and the allowed values; writes nothing.",
    examples: guardrailsCheckExamples,
    supportsDryRun: true,
    schema: { input: guardrailsCheckInput, output: guardrailsCheckOutput },
    async handler(ctx) {
      const subject = parseInput(
        GUARDRAILS_CHECK_ACTION_ID,
        guardrailsCheckInput(handlerZod),
        ctx.input,
      );
      await requireOwnerGroup({
        actionId: GUARDRAILS_CHECK_ACTION_ID,
        owner: subject.owner,
        catalog: options.catalog,
        credentials: await ctx.getInitiatorCredentials(),
      });
      const violations = evaluateGuardrails(guardrails, subject);
      if (violations.length > 0) {
        throw new InputError(
          `Guardrail violation: ${violations
            .map(describeViolation)
            .join('; ')}`,
        );
      }
      ctx.logger.info(
        `Guardrails passed for ${subject.name} (${
          rulesChecked.join(', ') || 'no guardrails configured'
        })`,
      );
      ctx.output('passed', true);
      ctx.output('rulesChecked', rulesChecked);
    },
  });
}
