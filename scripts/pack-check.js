#!/usr/bin/env node
// Checks the tarballs that scripts/pack.sh wrote, the way an adopter's package manager reads
// them: no `workspace:` range left (npm fails on it without a message), and every entry point
// (main, module, types, each exports condition) names a file that is in the tarball.
// Usage: node scripts/pack-check.js <dir with .tgz files>
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const tarballs = fs.readdirSync(dir).filter(f => f.endsWith('.tgz'));
if (tarballs.length === 0) {
  throw new Error(`no .tgz files in ${dir}`);
}

const problems = [];
for (const tarball of tarballs) {
  const file = path.join(dir, tarball);
  const listing = new Set(
    execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(entry => entry.replace(/^package\//, '')),
  );
  const pkg = JSON.parse(
    execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const report = message => problems.push(`${tarball}: ${message}`);

  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [dep, range] of Object.entries(pkg[field] ?? {})) {
      if (/^(workspace|link|portal|file):/.test(range)) {
        report(`${field}.${dep} is "${range}", expected a version range`);
      }
    }
  }

  const entryPoints = [];
  for (const field of ['main', 'module', 'types']) {
    if (pkg[field]) entryPoints.push([field, pkg[field]]);
  }
  for (const [mount, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target === 'string') {
      entryPoints.push([`exports["${mount}"]`, target]);
    } else {
      for (const [condition, value] of Object.entries(target)) {
        // The "backstage" condition carries the feature type, not a path.
        if (condition !== 'backstage') {
          entryPoints.push([`exports["${mount}"].${condition}`, value]);
        }
      }
    }
  }
  if (!pkg.exports) report('has no "exports" field');
  for (const [field, target] of entryPoints) {
    const normalized = target.replace(/^\.\//, '');
    if (normalized.startsWith('src/')) {
      report(`${field} points at the sources (${target}), expected dist/`);
    } else if (!listing.has(normalized)) {
      report(`${field} is ${target}, which is not in the tarball`);
    }
  }
  if (pkg.configSchema && !listing.has(pkg.configSchema)) {
    report(`configSchema ${pkg.configSchema} is not in the tarball`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.error(
  `[pack] ${tarballs.length} tarballs checked: entry points present, no workspace: ranges`,
);
