import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'fs-extra';
import path from 'node:path';
import { renderTemplateLocally } from './renderTemplateLocally';
import {
  sampleParameters,
  templateFile,
  TEMPLATE_NAMES,
} from './testTemplates';

describe('renderTemplateLocally', () => {
  const output = createMockDirectory();

  it.each(TEMPLATE_NAMES)(
    'renders every file of %s with no template syntax left',
    async name => {
      output.clear();
      await renderTemplateLocally({
        templateFile: templateFile(name),
        parameters: sampleParameters(name, 2),
        outputDir: output.path,
      });
      const files = await listFiles(output.path);
      expect(files).toEqual(
        expect.arrayContaining([
          'Dockerfile',
          '.github/workflows/ci.yaml',
          '.github/workflows/retrain.yaml',
          'catalog-info.yaml',
          'catalog-info.level2.yaml',
          'mkdocs.yml',
          'docs/index.md',
          'usecase/tracking.py',
          'usecase/drift.py',
        ]),
      );
      const texts = await Promise.all(
        files.map(file => fs.readFile(path.join(output.path, file), 'utf8')),
      );
      const leftOver = (pattern: RegExp, only: (file: string) => boolean) =>
        files.filter((file, i) => only(file) && pattern.test(texts[i]));
      // GitHub workflows keep GitHub's own ${{ }} expressions; nothing else may.
      const workflow = (file: string) => file.startsWith('.github/workflows/');
      expect(leftOver(/\$\{\{/, file => !workflow(file))).toEqual([]);
      expect(leftOver(/\$\{\{\s*values\./, workflow)).toEqual([]);
      expect(leftOver(/\{%|%\}/, () => true)).toEqual([]);
    },
  );

  it('leaves the Level-2 overlay out for target Level 1', async () => {
    output.clear();
    await renderTemplateLocally({
      templateFile: templateFile('batch-training'),
      parameters: sampleParameters('batch-training', 1),
      outputDir: output.path,
    });
    expect(await listFiles(output.path)).not.toContain(
      'catalog-info.level2.yaml',
    );
  });
});

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const result: string[] = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), {
    withFileTypes: true,
  })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) result.push(...(await listFiles(dir, relative)));
    else result.push(relative);
  }
  return result;
}
