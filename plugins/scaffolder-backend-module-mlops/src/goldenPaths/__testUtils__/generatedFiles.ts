import { JsonObject } from '@backstage/types';
import fs from 'fs-extra';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import {
  TemplateName,
  sampleParameters,
  templateFile,
} from '../../skeleton/testTemplates';
import { renderGoldenPath } from './renderGoldenPath';

/** One YAML document of a generated file. */
export interface GeneratedDocument {
  file: string;
  document: any;
}

/** A template rendered into a temporary directory, with helpers to read what it generated. */
export interface GeneratedProject {
  dir: string;
  files: string[];
  read(file: string): string;
  /** Every document of the YAML files under the given folders, merge keys resolved as kubectl does. */
  documents(...folders: string[]): GeneratedDocument[];
  remove(): Promise<void>;
}

export async function generate(
  name: TemplateName,
  level: 1 | 2,
  overrides: JsonObject = {},
): Promise<GeneratedProject> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `lz-${name}-`));
  await renderGoldenPath({
    templateFile: templateFile(name),
    parameters: {
      ...(sampleParameters(name, level) as JsonObject),
      ...overrides,
    },
    outputDir: dir,
  });
  const files = listFiles(dir);
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  return {
    dir,
    files,
    read,
    documents: (...folders) =>
      files
        .filter(file => folders.some(folder => file.startsWith(`${folder}/`)))
        .filter(file => /\.ya?ml$/.test(file))
        .flatMap(file =>
          yaml
            .parseAllDocuments(read(file), { merge: true })
            .map(document => {
              if (document.errors.length) {
                throw new Error(`${file}: ${document.errors[0].message}`);
              }
              return { file, document: document.toJS() };
            })
            .filter(({ document }) => document !== null),
        ),
    remove: () => fs.remove(dir),
  };
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap(entry => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(dir, relative) : [relative];
    });
}
