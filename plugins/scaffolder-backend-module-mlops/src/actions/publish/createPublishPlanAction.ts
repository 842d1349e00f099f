import { Config } from '@backstage/config';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { parseInput } from '../../lib/parseInput';
import { useCaseName } from '../../lib/useCaseFields';
import { Zod, handlerZod } from '../../lib/zod';
import { publishPlanExamples } from './publishPlan.examples';
import {
  readPublishConfig,
  requireLocalPublish,
} from '../../publish/readPublishConfig';

export const PUBLISH_PLAN_ACTION_ID = 'mlops:publish:plan';

export const publishPlanInput = (z: Zod) =>
  z.object({ name: useCaseName(z).describe('Repository name') }).strict();

const publishPlanOutput = (z: Zod) =>
  z.object({
    target: z
      .enum(['local', 'github', 'gitlab'])
      .describe('Configured publisher'),
    repoUrl: z
      .string()
      .describe(
        'repoUrl for publish:github / publish:gitlab (empty for local)',
      ),
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
    examples: publishPlanExamples,
    schema: { input: publishPlanInput, output: publishPlanOutput },
    async handler(ctx) {
      const { name } = parseInput(
        PUBLISH_PLAN_ACTION_ID,
        publishPlanInput(handlerZod),
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
