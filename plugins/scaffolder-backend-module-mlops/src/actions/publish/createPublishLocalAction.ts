import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { safeInputPath } from '../../lib/safeInputPath';
import { parseInput } from '../../lib/parseInput';
import { freeText, relativePath, useCaseName } from '../../lib/useCaseFields';
import { Zod, handlerZod } from '../../lib/zod';
import { publishLocalExamples } from './publishLocal.examples';
import { publishToLocalRepository } from '../../publish/localRepository';
import {
  readPublishConfig,
  requireLocalPublish,
} from '../../publish/readPublishConfig';

export const PUBLISH_LOCAL_ACTION_ID = 'mlops:publish:local';

export const publishLocalInput = (z: Zod) =>
  z
    .object({
      name: useCaseName(z).describe(
        'Repository directory name under mlops.publish.local.repositoriesDir',
      ),
      sourcePath: relativePath(z)
        .default('.')
        .describe('Workspace sub-directory to publish'),
      gitCommitMessage: freeText(z, 200)
        .optional()
        .describe('Message of the first commit'),
    })
    .strict();

const publishLocalOutput = (z: Zod) =>
  z.object({
    repoPath: z.string().describe('Absolute path of the new repository'),
    remoteUrl: z.string().describe('file:// URL to clone it'),
    commitHash: z.string().describe('The first commit'),
    catalogInfoPath: z
      .string()
      .describe('Absolute path of its catalog-info.yaml'),
  });

/**
 * `mlops:publish:local` — the embedded default's publisher: commits the workspace into a local
 * git repository (isomorphic-git, no git binary), so the golden path works without GitHub.
 */
export function createPublishLocalAction(options: { config: Config }) {
  const publish = readPublishConfig(options.config);
  const author = {
    name:
      options.config.getOptionalString('scaffolder.defaultAuthor.name') ??
      'Landing Zone',
    email:
      options.config.getOptionalString('scaffolder.defaultAuthor.email') ??
      'landing-zone@example.com',
  };
  const defaultMessage =
    options.config.getOptionalString('scaffolder.defaultCommitMessage') ??
    'Initial commit from the Landing Zone golden path';

  return createTemplateAction({
    id: PUBLISH_LOCAL_ACTION_ID,
    description:
      'Commits the workspace into a new local git repository under mlops.publish.local.repositoriesDir. Re-running the same task reuses its repository; another task never overwrites one.',
    examples: publishLocalExamples,
    schema: { input: publishLocalInput, output: publishLocalOutput },
    async handler(ctx) {
      const input = parseInput(
        PUBLISH_LOCAL_ACTION_ID,
        publishLocalInput(handlerZod),
        ctx.input,
      );
      const local = requireLocalPublish(PUBLISH_LOCAL_ACTION_ID, publish);
      const sourceDir = safeInputPath({
        actionId: PUBLISH_LOCAL_ACTION_ID,
        field: 'sourcePath',
        base: ctx.workspacePath,
        path: input.sourcePath,
        inside: 'workspace',
      });
      const result = await publishToLocalRepository({
        root: local.repositoriesDir,
        name: input.name,
        sourceDir,
        branch: local.defaultBranch,
        author,
        message: input.gitCommitMessage ?? defaultMessage,
        taskId: ctx.task.id,
      });
      ctx.logger.info(
        `${result.reused ? 'Reused' : 'Published'} repository ${
          input.name
        } at commit ${result.commit.slice(0, 8)}`,
      );
      ctx.output('repoPath', result.repoDir);
      ctx.output('remoteUrl', `file://${result.repoDir}`);
      ctx.output('commitHash', result.commit);
      ctx.output(
        'catalogInfoPath',
        resolveSafeChildPath(result.repoDir, 'catalog-info.yaml'),
      );
    },
  });
}
