import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseInput } from '../../lib/parseInput';
import { Zod, handlerZod } from '../../lib/zod';
import { useCaseRecordExamples } from './useCaseRecord.examples';
import { DefaultApiClient } from '@landing-zone/plugin-mlops-common';

/** @public */
export interface UseCaseRecordActionOptions {
  discovery: DiscoveryService;
  auth: AuthService;
}

export const USE_CASE_RECORD_ACTION_ID = 'mlops:usecase:record';

const ENTITY_REF = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export const useCaseRecordInput = (z: Zod) => {
  const entityRef = () =>
    z
      .string({
        required_error: 'is required',
        invalid_type_error: 'expected a string',
      })
      .regex(ENTITY_REF, 'expected a full entity ref, kind:namespace/name');
  return z
    .object({
      entityRef: entityRef().describe(
        'The created entity, e.g. component:default/churn-model',
      ),
      templateRef: entityRef()
        .optional()
        .describe('The template that created it'),
      teamRef: entityRef()
        .optional()
        .describe('The owning group, e.g. group:default/fraud'),
    })
    .strict();
};

const useCaseRecordOutput = (z: Zod) =>
  z.object({
    recorded: z
      .boolean()
      .describe('False when this task had already been recorded'),
  });

/**
 * `mlops:usecase:record`: tells the mlops backend that this task created a use case, so
 * lead time starts at creation. The backend is idempotent on the task id, so a retried
 * task never counts twice.
 *
 * @public
 */
export function createUseCaseRecordAction(options: UseCaseRecordActionOptions) {
  // The client generated from the mlops backend's openapi.yaml: the request body and the
  // answer are the spec's types, and the URL comes from discovery.
  const mlops = new DefaultApiClient({
    discoveryApi: options.discovery,
    fetchApi: { fetch },
  });
  return createTemplateAction({
    id: USE_CASE_RECORD_ACTION_ID,
    description:
      'Records that this task created an ML use case (for throughput and lead time). Idempotent per task.',
    examples: useCaseRecordExamples,
    schema: { input: useCaseRecordInput, output: useCaseRecordOutput },
    async handler(ctx) {
      const input = parseInput(
        USE_CASE_RECORD_ACTION_ID,
        useCaseRecordInput(handlerZod),
        ctx.input,
      );
      const { token } = await options.auth.getPluginRequestToken({
        onBehalfOf: await options.auth.getOwnServiceCredentials(),
        targetPluginId: 'mlops',
      });
      const templateRef =
        input.templateRef ??
        (ctx.templateInfo?.entityRef as string | undefined);
      const response = await mlops.recordCreated(
        {
          body: {
            taskId: ctx.task.id,
            entityRef: input.entityRef,
            ...(templateRef ? { templateRef } : {}),
            ...(input.teamRef ? { teamRef: input.teamRef } : {}),
          },
        },
        { token },
      );
      if (!response.ok) {
        const error = await ResponseError.fromResponse(response);
        throw new Error(
          `mlops backend refused the created event (HTTP ${response.status}): ${error.body.error.message}`,
        );
      }
      const { recorded } = await response.json();
      ctx.logger.info(
        recorded
          ? `Recorded ${input.entityRef} as created by task ${ctx.task.id}`
          : `Task ${ctx.task.id} was already recorded; nothing changed`,
      );
      ctx.output('recorded', recorded);
    },
  });
}
