import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import yaml from 'yaml';
import { safeInputPath } from '../../lib/safeInputPath';
import { parseInput } from '../../lib/parseInput';
import { relativePath, useCaseName } from '../../lib/useCaseFields';
import { Zod, handlerZod } from '../../lib/zod';
import { registerLocalExamples } from './registerLocal.examples';
import {
  readPublishConfig,
  requireLocalPublish,
} from '../../publish/readPublishConfig';

export const REGISTER_LOCAL_ACTION_ID = 'mlops:catalog:register-local';

export const registerLocalInput = (z: Zod) =>
  z
    .object({
      name: useCaseName(z).describe(
        'Repository name under mlops.publish.local.repositoriesDir',
      ),
      catalogInfoPath: relativePath(z)
        .default('catalog-info.yaml')
        .describe('Path of the catalog file inside the repository'),
    })
    .strict();

const registerLocalOutput = (z: Zod) =>
  z.object({
    entityRef: z.string().describe('The registered component'),
    locationTarget: z.string().describe('The file location the catalog reads'),
  });

/**
 * `mlops:catalog:register-local` — registers a locally published repository's catalog file as a
 * `file` location. It takes a repository *name*, not a path, so it can only register files
 * inside the repositories root; the catalog module refuses any other file location.
 */
export function createRegisterLocalAction(options: {
  config: Config;
  catalog: CatalogService;
}) {
  const publish = readPublishConfig(options.config);
  return createTemplateAction({
    id: REGISTER_LOCAL_ACTION_ID,
    description:
      'Registers the catalog-info.yaml of a repository published by mlops:publish:local. Registering twice is a no-op.',
    examples: registerLocalExamples,
    schema: { input: registerLocalInput, output: registerLocalOutput },
    async handler(ctx) {
      const input = parseInput(
        REGISTER_LOCAL_ACTION_ID,
        registerLocalInput(handlerZod),
        ctx.input,
      );
      const local = requireLocalPublish(REGISTER_LOCAL_ACTION_ID, publish);
      const target = safeInputPath({
        actionId: REGISTER_LOCAL_ACTION_ID,
        field: 'catalogInfoPath',
        // The name is already a safe slug; resolving it keeps the rule visible here too.
        base: resolveSafeChildPath(local.repositoriesDir, input.name),
        path: input.catalogInfoPath,
        inside: 'repository',
      });
      if (!(await fs.pathExists(target))) {
        throw new InputError(
          `name: no published repository "${input.name}" with ${input.catalogInfoPath}; run mlops:publish:local first`,
        );
      }
      const entityRef = await readEntityRef(target);
      const credentials = await ctx.getInitiatorCredentials();
      try {
        await options.catalog.addLocation(
          { type: 'file', target },
          { credentials },
        );
      } catch (error) {
        // A retried step finds its own location already there.
        if (
          !(error instanceof ConflictError) &&
          (error as Error)?.name !== 'ConflictError'
        ) {
          throw error;
        }
        ctx.logger.info(`Location file:${target} was already registered`);
      }
      ctx.output('entityRef', entityRef);
      ctx.output('locationTarget', target);
    },
  });
}

async function readEntityRef(file: string): Promise<string> {
  const docs = yaml.parseAllDocuments(await fs.readFile(file, 'utf8'));
  const component = docs.map(d => d.toJS()).find(e => e?.kind === 'Component');
  if (!component?.metadata?.name) {
    throw new InputError(
      `catalogInfoPath: expected a Component with metadata.name in ${file}`,
    );
  }
  return stringifyEntityRef({
    kind: 'Component',
    namespace: component.metadata.namespace ?? 'default',
    name: component.metadata.name,
  });
}
