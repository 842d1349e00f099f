import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import { safeInputPath } from '../../lib/safeInputPath';
import { parseInput } from '../../lib/parseInput';
import { keyResults } from '../../lib/keyResults';
import { relativePath, useCaseType } from '../../lib/useCaseFields';
import { targetLevelField, useCaseShape } from '../../lib/useCaseInput';
import { Zod, handlerZod } from '../../lib/zod';
import { buildManifest } from './buildManifest';
import { mergeCatalogInfo } from './mergeCatalogInfo';
import { useCaseManifestExamples } from './useCaseManifest.examples';

export const USE_CASE_MANIFEST_ACTION_ID = 'mlops:usecase:manifest';

const CATALOG_INFO = 'catalog-info.yaml';
const LEVEL2_FRAGMENT = 'catalog-info.level2.yaml';
const MANIFEST = 'mlops.yaml';

export const useCaseManifestInput = (z: Zod) =>
  z
    .object({
      ...useCaseShape(z),
      type: useCaseType(z).describe('spec.type of the component'),
      targetLevel: targetLevelField(z),
      kpis: keyResults(z).describe(
        'Key results the use case is measured by: a list, or one text with a key result per line',
      ),
      templateRef: z
        .string({ invalid_type_error: 'expected a string' })
        .regex(
          // Spelled out instead of the `i` flag, which the published JSON Schema would lose.
          /^[Tt][Ee][Mm][Pp][Ll][Aa][Tt][Ee]:[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/,
          'expected a template entity ref such as "template:default/batch-training"',
        )
        .optional()
        .describe('The template entity ref; defaults to the running template'),
      templateVersion: z
        .string({ invalid_type_error: 'expected a string' })
        .regex(/^[0-9A-Za-z.+-]{1,40}$/, 'expected a version such as "1.2.0"')
        .default('1.0.0')
        .describe('Version of the template'),
      sourceLocation: z
        .string({ invalid_type_error: 'expected a string' })
        .max(2048, 'expected at most 2048 characters')
        .regex(
          /^(url|file|dir):\S+$/,
          'expected a location ref such as "url:https://github.com/org/repo/tree/main/"',
        )
        .optional()
        .describe(
          'backstage.io/source-location of the repository to be published',
        ),
      targetPath: relativePath(z)
        .default('.')
        .describe('Workspace sub-directory holding the skeleton'),
    })
    .strict();

const useCaseManifestOutput = (z: Zod) =>
  z.object({
    manifestPath: z.string().describe('Workspace-relative path of mlops.yaml'),
    catalogInfoPath: z
      .string()
      .describe('Workspace-relative path of catalog-info.yaml'),
    entityRef: z.string().describe('The component the catalog will hold'),
    createdAt: z
      .string()
      .describe('Recorded creation time (stable across retries)'),
  });

/**
 * `mlops:usecase:manifest` — runs after `fetch:template`. Writes `mlops.yaml` and merges the
 * use case (and, for Level 2, the overlay's evidence) into the skeleton's `catalog-info.yaml`.
 */
export function createUseCaseManifestAction(options?: { now?: () => Date }) {
  const now = options?.now ?? (() => new Date());
  return createTemplateAction({
    id: USE_CASE_MANIFEST_ACTION_ID,
    description:
      "Writes the use-case manifest (mlops.yaml) and merges the use case's annotations into the skeleton's catalog-info.yaml so it starts at maturity Level 1 (Level 2 when targeted).",
    examples: useCaseManifestExamples,
    supportsDryRun: true,
    schema: { input: useCaseManifestInput, output: useCaseManifestOutput },
    async handler(ctx) {
      const input = parseInput(
        USE_CASE_MANIFEST_ACTION_ID,
        useCaseManifestInput(handlerZod),
        ctx.input,
      );
      const templateRef = input.templateRef ?? ctx.templateInfo?.entityRef;
      if (!templateRef) {
        throw new InputError(
          `Invalid input to ${USE_CASE_MANIFEST_ACTION_ID}: templateRef: is required when the action does not run from a template`,
        );
      }

      const base = safeInputPath({
        actionId: USE_CASE_MANIFEST_ACTION_ID,
        field: 'targetPath',
        base: ctx.workspacePath,
        path: input.targetPath,
        inside: 'workspace',
      });
      const catalogInfoPath = resolveSafeChildPath(base, CATALOG_INFO);
      const fragmentPath = resolveSafeChildPath(base, LEVEL2_FRAGMENT);
      const manifestPath = resolveSafeChildPath(base, MANIFEST);
      if (!(await fs.pathExists(catalogInfoPath))) {
        throw new InputError(
          `targetPath: expected the skeleton's ${CATALOG_INFO} in "${input.targetPath}", found none`,
        );
      }

      const fragment = (await fs.pathExists(fragmentPath))
        ? await fs.readFile(fragmentPath, 'utf8')
        : undefined;
      const record = {
        ...input,
        templateRef,
        createdAt: now().toISOString(),
        taskId: ctx.task.id,
      };
      // Everything is computed before the first write, so a bad skeleton leaves files as they were.
      const merged = mergeCatalogInfo(
        await fs.readFile(catalogInfoPath, 'utf8'),
        record,
        fragment,
      );
      const manifest = buildManifest({
        ...record,
        createdAt: merged.createdAt,
      });

      await fs.writeFile(catalogInfoPath, merged.text, 'utf8');
      await fs.writeFile(manifestPath, manifest, 'utf8');
      // The overlay is an input, not part of the repository.
      await fs.remove(fragmentPath);

      ctx.logger.info(
        `Use case ${input.name} targets Level ${input.targetLevel}; wrote ${MANIFEST} and ${CATALOG_INFO}`,
      );
      const relative = (file: string) =>
        [input.targetPath, file].filter(p => p && p !== '.').join('/');
      ctx.output('manifestPath', relative(MANIFEST));
      ctx.output('catalogInfoPath', relative(CATALOG_INFO));
      ctx.output('entityRef', `component:default/${input.name}`);
      ctx.output('createdAt', merged.createdAt);
    },
  });
}
