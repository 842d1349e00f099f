import { Config } from '@backstage/config';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z } from 'zod/v3';
import { parseInput } from '../../lib/parseInput';
import { useCaseName } from '../../lib/useCaseFields';
import {
  readPublishConfig,
  requireLocalPublish,
} from '../../publish/readPublishConfig';

export const PUBLISH_PLAN_ACTION_ID = 'mlops:publish:plan';

export const publishPlanInputSchema = z
  .object({ name: useCaseName().describe('Repository name') })
  .strict();

const outputSchema = z.object({
  target: z
    .enum(['local', 'github', 'gitlab'])
    .describe('Configured publisher'),
  repoUrl: z
    .string()
    .describe('repoUrl for publish:github / publish:gitlab (empty for local)'),
  sourceLocation: z
    .string()
    .describe('backstage.io/source-location the repository will have'),
});

/**
 * `mlops:publish:plan` — tells the template which publisher the platform team configured in
 * `mlops.publish.target`, so one template works unchanged with the local, GitHub or GitLab
 * publisher: later steps are conditional on `steps.plan.output.target`.
 */
export function createPublishPlanAction(options: { config: Config }) {
  const publish = readPublishConfig(options.config);
  return createTemplateAction({
    id: PUBLISH_PLAN_ACTION_ID,
    description:
      'Resolves the configured publisher (mlops.publish.target) and the repository location for a new use case. Writes nothing.',
    supportsDryRun: true,
    examples: [
      {
        description:
          'Plan, then publish with whichever publisher is configured',
        example: [
          'steps:',
          '  - id: plan',
          '    action: mlops:publish:plan',
          '    input: { name: "${{ parameters.name }}" }',
          '  - id: publish-github',
          "    if: ${{ steps.plan.output.target == 'github' }}",
          '    action: publish:github',
          '    input: { repoUrl: "${{ steps.plan.output.repoUrl }}" }',
          '',
        ].join('\n'),
      },
    ],
    schema: { input: () => publishPlanInputSchema, output: () => outputSchema },
    async handler(ctx) {
      const { name } = parseInput(
        PUBLISH_PLAN_ACTION_ID,
        publishPlanInputSchema,
        ctx.input,
      );
      let repoUrl = '';
      let sourceLocation: string;
      if (publish.target === 'local') {
        const { repositoriesDir } = requireLocalPublish(
          PUBLISH_PLAN_ACTION_ID,
          publish,
        );
        const dir = resolveSafeChildPath(repositoriesDir, name);
        sourceLocation = `file:${dir}/`;
      } else {
        const { host, owner } = publish[publish.target]!;
        repoUrl = `${host}?owner=${encodeURIComponent(owner)}&repo=${name}`;
        const tree = publish.target === 'gitlab' ? '-/tree' : 'tree';
        sourceLocation = `url:https://${host}/${owner}/${name}/${tree}/main/`;
      }
      ctx.output('target', publish.target);
      ctx.output('repoUrl', repoUrl);
      ctx.output('sourceLocation', sourceLocation);
    },
  });
}
