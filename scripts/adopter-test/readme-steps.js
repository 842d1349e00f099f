#!/usr/bin/env node
// Applies the install steps of the packages' READMEs to an app, exactly as written: every
// fenced block whose info string carries `adopter-test` (```sh adopter-test) is a step.
//   sh    each line is run in the app's root (comments and blank lines skipped)
//   ts    the first line names the file (`// packages/backend/src/index.ts`); the other lines
//         go in before `backend.start();`, where a backend's features are added
//   yaml  a first line `# <file>` other than `# app-config.yaml` creates that file with the
//         block; otherwise the block is merged into app-config.yaml (objects merged key by
//         key, lists appended)
// Prints every line of every block with the README and line it came from, and under each
// command its output: this is the adopter log, which check-log.js holds to the READMEs.
// Usage: node readme-steps.js <app dir> <README>...
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const {
  adopterTestBlocks,
  readmeLine,
  OUTPUT_PREFIX,
} = require('./readme-blocks');

const [appDir, ...readmes] = process.argv.slice(2);
const repoRoot = path.resolve(__dirname, '../..');

function mergeInto(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (Array.isArray(value) && Array.isArray(target[key])) {
      target[key].push(...value);
    } else if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      target[key] &&
      typeof target[key] === 'object'
    ) {
      mergeInto(target[key], value);
    } else {
      target[key] = value;
    }
  }
}

function run(line, where) {
  // One shell per line, as an adopter pastes them; stderr joins stdout so the log keeps order.
  const result = spawnSync('/bin/bash', ['-c', `exec 2>&1\n${line}`], {
    cwd: appDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const out of result.stdout.replace(/\n$/, '').split('\n')) {
    if (out) console.log(`${OUTPUT_PREFIX}${out}`);
  }
  if (result.status !== 0) {
    throw new Error(`${where}: "${line}" exited with ${result.status}`);
  }
}

function fileNamed(firstLine, comment) {
  return new RegExp(`^${comment}\\s*(\\S+)\\s*$`).exec(firstLine ?? '')?.[1];
}

for (const readme of readmes) {
  const rel = path.relative(repoRoot, path.resolve(readme));
  const blocks = adopterTestBlocks(readme);
  if (blocks.length === 0) throw new Error(`${rel} has no adopter-test block`);
  for (const block of blocks) {
    const where = `${rel}:${block.line}`;
    const showAll = () =>
      block.body.forEach((text, index) =>
        console.log(readmeLine(rel, block.line + index, text)),
      );
    if (block.lang === 'sh') {
      block.body.forEach((line, index) => {
        console.log(readmeLine(rel, block.line + index, line));
        if (!line.trim() || line.trim().startsWith('#')) return;
        run(line, `${rel}:${block.line + index}`);
      });
    } else if (block.lang === 'ts' || block.lang === 'tsx') {
      const file = fileNamed(block.body[0], '//');
      if (file !== 'packages/backend/src/index.ts') {
        throw new Error(
          `${where}: a code step must start with "// packages/backend/src/index.ts"`,
        );
      }
      showAll();
      const code = block.body.slice(1).join('\n');
      const target = path.join(appDir, file);
      const source = fs.readFileSync(target, 'utf8');
      if (!source.includes('backend.start();')) {
        throw new Error(
          `${file} has no backend.start(); to add features before`,
        );
      }
      fs.writeFileSync(
        target,
        source.replace('backend.start();', `${code}\n\nbackend.start();`),
      );
    } else if (block.lang === 'yaml') {
      showAll();
      const text = block.body.join('\n');
      const file = fileNamed(block.body[0], '#') ?? 'app-config.yaml';
      const target = path.join(appDir, file);
      if (file === 'app-config.yaml') {
        const config = YAML.parse(fs.readFileSync(target, 'utf8'));
        mergeInto(config, YAML.parse(text));
        fs.writeFileSync(target, YAML.stringify(config));
      } else {
        if (fs.existsSync(target)) {
          throw new Error(
            `${where}: ${file} exists; a yaml step creates a new file`,
          );
        }
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, `${text}\n`);
      }
    } else {
      throw new Error(`${where}: no way to apply a ${block.lang} block`);
    }
  }
}
