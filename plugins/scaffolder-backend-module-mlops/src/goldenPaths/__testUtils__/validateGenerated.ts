import { buildSync } from 'esbuild';
import fs from 'fs-extra';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { GeneratedProject } from './generatedFiles';

let bundle: string | undefined;

/**
 * The validator bundled once per test process: the libraries are ES modules only, and
 * @actions/workflow-parser imports JSON the way bundlers do (no import attribute), which plain
 * Node refuses; esbuild (already the repository's bundler) resolves both.
 */
function validatorBundle(): string {
  if (!bundle) {
    // Inside node_modules (its .cache, as other tools do), so the bundle's imports of the
    // external packages resolve like any module's.
    const dir = path.join(
      nodeModulesOf('kubernetes-models'),
      '.cache',
      'landing-zone',
    );
    fs.ensureDirSync(dir);
    bundle = path.join(dir, `validateGenerated-${process.pid}.mjs`);
    const built = bundle;
    process.on('exit', () => fs.removeSync(built));
    buildSync({
      entryPoints: [path.join(__dirname, 'validateGenerated.mjs')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      outfile: bundle,
      logLevel: 'error',
      // Only the workflow parser is bundled (for its JSON imports); the schema libraries stay
      // packages (they load a wasm regex engine from their own folder).
      external: ['kubernetes-models', '@kubernetes-models/*', 'yaml'],
    });
  }
  return bundle;
}

export interface ValidatedManifest {
  file: string;
  kind: string;
  name?: string;
  /** false for the kinds without a schema library (Argo Events), or when invalid. */
  validated: boolean;
  error: string | null;
}

export interface ValidatedWorkflow {
  file: string;
  jobs: string[];
  errors: string[];
}

function nodeModulesOf(pkg: string): string {
  let dir = path.dirname(require.resolve(`${pkg}/package.json`));
  while (path.basename(dir) !== 'node_modules') dir = path.dirname(dir);
  return dir;
}

/** Runs validateGenerated.mjs on a generated project's manifests and GitHub workflows. */
export function validateGenerated(
  project: GeneratedProject,
  manifestFolders: string[],
): { manifests: ValidatedManifest[]; workflows: ValidatedWorkflow[] } {
  const manifests = project.files.filter(
    f =>
      manifestFolders.some(folder => f.startsWith(`${folder}/`)) &&
      /\.ya?ml$/.test(f),
  );
  const workflows = project.files.filter(f =>
    f.startsWith('.github/workflows/'),
  );
  const output = execFileSync(process.execPath, [
    validatorBundle(),
    ...manifests.map(f => path.join(project.dir, f)),
    '--',
    ...workflows.map(f => path.join(project.dir, f)),
  ]);
  const result = JSON.parse(output.toString());
  const relative = (file: string) => path.relative(project.dir, file);
  return {
    manifests: result.manifests.map((m: ValidatedManifest) => ({
      ...m,
      file: relative(m.file),
    })),
    workflows: result.workflows.map((w: ValidatedWorkflow) => ({
      ...w,
      file: relative(w.file),
    })),
  };
}
