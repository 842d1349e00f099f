import { createMockDirectory } from '@backstage/backend-test-utils';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { fetchContents } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import path from 'node:path';
import yaml from 'yaml';
import { renderStepInputs } from './__testUtils__/renderStepInputs';
import {
  TEMPLATES_DIR,
  TEMPLATE_NAMES,
  sampleParameters,
} from './skeleton/testTemplates';

/*
 * An adopter registers templates/all.yaml of their copy of this repository as one `url`
 * location and copies nothing. The catalog resolves the Location's targets against that URL,
 * and fetch:template resolves each `./shared/...` or `./<template>/skeleton` against the
 * template's URL with the SCM integration, then reads the tree. Both resolutions are
 * Backstage's own; only the SCM (GitHub) is replaced by a reader serving this repository's
 * templates/ folder, at the UrlReader edge.
 */

const REPO_TREE = 'https://github.com/acme/landing-zone/tree/main/templates/';
const ALL_YAML =
  'https://github.com/acme/landing-zone/blob/main/templates/all.yaml';
const integrations = ScmIntegrations.fromConfig(new ConfigReader({}));

/** GitHub as the UrlReader sees it: trees of this repository's templates/ folder. */
function githubStandIn(reads: string[]): UrlReaderService {
  return {
    async readTree(url) {
      reads.push(url);
      if (!url.startsWith(REPO_TREE)) {
        throw new Error(`outside the templates repository: ${url}`);
      }
      const source = path.join(TEMPLATES_DIR, url.slice(REPO_TREE.length));
      if (!(await fs.pathExists(source))) {
        throw new Error(`404 ${url}`);
      }
      return {
        dir: async ({ targetDir }: { targetDir?: string } = {}) => {
          await fs.copy(source, targetDir!);
          return targetDir!;
        },
      } as any;
    },
    readUrl: async url => {
      throw new Error(`unexpected readUrl ${url}`);
    },
    search: async url => {
      throw new Error(`unexpected search ${url}`);
    },
  };
}

describe('templates registered from one location URL', () => {
  const all = yaml.parse(
    fs.readFileSync(path.join(TEMPLATES_DIR, 'all.yaml'), 'utf8'),
  );
  const templateUrls = (all.spec.targets as string[]).map(target =>
    integrations.resolveUrl({ url: target, base: ALL_YAML }),
  );

  it('lists every template, each resolved inside the same repository', () => {
    // The integration keeps the repository and branch and swaps only the path.
    expect(templateUrls).toEqual(
      TEMPLATE_NAMES.map(name =>
        expect.stringMatching(
          new RegExp(
            `^https://github\\.com/acme/landing-zone/(blob|tree)/main/templates/${name}\\.template\\.yaml$`,
          ),
        ),
      ),
    );
  });

  it.each(TEMPLATE_NAMES)(
    '%s fetches its skeleton and the shared parts relative to its URL',
    async name => {
      const output = createMockDirectory();
      const reads: string[] = [];
      const reader = githubStandIn(reads);
      const baseUrl = templateUrls[TEMPLATE_NAMES.indexOf(name)];
      const fetches = renderStepInputs({
        templateFile: path.join(TEMPLATES_DIR, `${name}.template.yaml`),
        parameters: sampleParameters(name, 2),
        stepOutputs: {},
      }).filter(step => step.action === 'fetch:template');
      expect(fetches.length).toBeGreaterThan(1);

      for (const step of fetches) {
        await fetchContents({
          reader,
          integrations,
          baseUrl,
          fetchUrl: String(step.input.url),
          outputPath: output.resolve(step.id),
        });
        expect(
          (await fs.readdir(output.resolve(step.id))).length,
        ).toBeGreaterThan(0);
      }
      expect(reads).toEqual(
        fetches.map(step =>
          expect.stringMatching(
            new RegExp(
              `^${REPO_TREE}${String(step.input.url).replace(/^\.\//, '')}$`,
            ),
          ),
        ),
      );
    },
  );
});
