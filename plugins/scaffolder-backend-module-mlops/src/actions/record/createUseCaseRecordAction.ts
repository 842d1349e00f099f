import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { DefaultApiClient } from '@landing-zone/plugin-mlops-common';

/** @public */
export interface UseCaseRecordActionOptions {
  discovery: DiscoveryService;
  auth: AuthService;
}

const ENTITY_REF = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

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
    id: 'mlops:usecase:record',
    description:
      'Records that this task created an ML use case (for throughput and lead time). Idempotent per task.',
    examples: [
      {
        description: 'Record the use case registered by the previous step',
        example: [
          'steps:',
          '  - id: record',
          '    name: Record use case',
          '    action: mlops:usecase:record',
          '    input:',
          "      entityRef: ${{ steps['register'].output.entityRef }}",
          '      templateRef: template:default/ml-model',
          '      teamRef: ${{ parameters.owner }}',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        entityRef: z =>
          z
            .string()
            .regex(
              ENTITY_REF,
              'expected a full entity ref, kind:namespace/name',
            )
            .describe('The created entity, e.g. component:default/churn-model'),
        templateRef: z =>
          z
            .string()
            .regex(
              ENTITY_REF,
              'expected a full entity ref, kind:namespace/name',
            )
            .optional()
            .describe('The template that created it'),
        teamRef: z =>
          z
            .string()
            .regex(
              ENTITY_REF,
              'expected a full entity ref, kind:namespace/name',
            )
            .optional()
            .describe('The owning group, e.g. group:default/fraud'),
      },
      output: {
        recorded: z =>
          z
            .boolean()
            .describe('False when this task had already been recorded'),
      },
    },
    async handler(ctx) {
      const { token } = await options.auth.getPluginRequestToken({
        onBehalfOf: await options.auth.getOwnServiceCredentials(),
        targetPluginId: 'mlops',
      });
      const templateRef =
        ctx.input.templateRef ??
        (ctx.templateInfo?.entityRef as string | undefined);
      const response = await mlops.recordCreated(
        {
          body: {
            taskId: ctx.task.id,
            entityRef: ctx.input.entityRef,
            ...(templateRef ? { templateRef } : {}),
            ...(ctx.input.teamRef ? { teamRef: ctx.input.teamRef } : {}),
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
          ? `Recorded ${ctx.input.entityRef} as created by task ${ctx.task.id}`
          : `Task ${ctx.task.id} was already recorded; nothing changed`,
      );
      ctx.output('recorded', recorded);
    },
  });
}
