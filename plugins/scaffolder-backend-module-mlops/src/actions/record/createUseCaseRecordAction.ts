import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

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
      const baseUrl = await options.discovery.getBaseUrl('mlops');
      const { token } = await options.auth.getPluginRequestToken({
        onBehalfOf: await options.auth.getOwnServiceCredentials(),
        targetPluginId: 'mlops',
      });
      const templateRef =
        ctx.input.templateRef ??
        (ctx.templateInfo?.entityRef as string | undefined);
      const response = await fetch(`${baseUrl}/events/created`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({
          taskId: ctx.task.id,
          entityRef: ctx.input.entityRef,
          ...(templateRef ? { templateRef } : {}),
          ...(ctx.input.teamRef ? { teamRef: ctx.input.teamRef } : {}),
        }),
      });
      if (!response.ok) {
        throw new Error(
          `mlops backend refused the created event (HTTP ${
            response.status
          }): ${(await response.text()).slice(0, 500)}`,
        );
      }
      const { recorded } = (await response.json()) as { recorded: boolean };
      ctx.logger.info(
        recorded
          ? `Recorded ${ctx.input.entityRef} as created by task ${ctx.task.id}`
          : `Task ${ctx.task.id} was already recorded; nothing changed`,
      );
      ctx.output('recorded', recorded);
    },
  });
}
