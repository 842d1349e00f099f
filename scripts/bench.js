#!/usr/bin/env node
/*
 * Runs the benchmarks: every `plugins/<pkg>/bench/*.bench.ts` (or one whose path contains the
 * first argument). Benchmarks are programs, not tests: they print their figures and write them
 * as JSON to bench-results/, and never fail on speed.
 *
 * Workspace packages point at their TypeScript sources, so each benchmark is bundled with esbuild
 * (already a dependency of @backstage/cli) with our own packages inlined and third-party
 * packages left to Node's resolver.
 */
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const filter = process.argv[2] ?? '';
const outDir = path.join(root, 'bench-results');
fs.mkdirSync(outDir, { recursive: true });

const benches = fs
  .readdirSync(path.join(root, 'plugins'))
  .flatMap(pkg => {
    const dir = path.join(root, 'plugins', pkg, 'bench');
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter(f => f.endsWith('.bench.ts'))
      .map(f => path.join(dir, f));
  })
  .filter(file => file.includes(filter));

if (benches.length === 0) {
  console.error(`No benchmark matches "${filter}"`);
  process.exit(1);
}

const inlineWorkspacePackages = {
  name: 'inline-workspace',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, args =>
      args.path.startsWith('@landing-zone/') ? undefined : { external: true },
    );
  },
};

async function main() {
  let failed = 0;
  for (const file of benches) {
    const rel = path.relative(root, file);
    const bundle = path.join(
      path.dirname(file),
      `.${path.basename(file, '.ts')}.bundle.cjs`,
    );
    await esbuild.build({
      entryPoints: [file],
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      outfile: bundle,
      plugins: [inlineWorkspacePackages],
      logLevel: 'warning',
    });
    console.log(`\n=== ${rel}`);
    const run = spawnSync(process.execPath, ['--expose-gc', bundle], {
      stdio: 'inherit',
      cwd: path.dirname(file),
      env: { ...process.env, BENCH_RESULTS_DIR: outDir },
    });
    fs.rmSync(bundle, { force: true });
    if (run.status !== 0) failed++;
  }
  process.exit(failed ? 1 : 0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
