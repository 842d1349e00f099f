#!/usr/bin/env node
/*
 * Runs one operator probe of issue 13 against the real PostgreSQL and prints its counts:
 *   ./lz yarn node scripts/probes/run.js <malformed-entities|replicas> [args]
 * The API probe (>= 300 malformed requests) is the schemathesis suite test:
 *   ./lz yarn workspace @landing-zone/plugin-mlops-backend backstage-cli package test src/api.fuzz
 * Probes are TypeScript bundled with esbuild, our packages inlined (as scripts/bench.js does).
 * PostgreSQL: LZ_PROBE_PG (default postgresql://postgres@127.0.0.1:5432/postgres).
 */
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const esbuild = require('esbuild');

const [name, ...args] = process.argv.slice(2);
const entry = path.join(__dirname, `${name}.probe.ts`);
if (!name || !fs.existsSync(entry)) {
  console.error('usage: run.js <malformed-entities|replicas> [args]');
  process.exit(2);
}
const bundle = path.join(__dirname, `.${name}.probe.bundle.cjs`);
esbuild
  .build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outfile: bundle,
    plugins: [
      {
        name: 'inline-workspace',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, a =>
            a.path.startsWith('@landing-zone/')
              ? undefined
              : { external: true },
          );
        },
      },
    ],
    logLevel: 'warning',
  })
  .then(() => {
    const run = spawnSync(process.execPath, [bundle, ...args], {
      stdio: 'inherit',
      cwd: path.resolve(__dirname, '../..'),
      env: { ...process.env, LZ_PROBE_BUNDLE: bundle },
    });
    fs.rmSync(bundle, { force: true });
    process.exit(run.status ?? 1);
  });
