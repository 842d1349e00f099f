#!/usr/bin/env node
// Applies the install steps of the packages' READMEs to an app, exactly as written: every
// fenced block whose info string carries `adopter-test` (```sh adopter-test) is a step.
//   sh    each line is run in the app's root (comments and blank lines skipped)
//   ts    the first line names the file (`// packages/backend/src/index.ts`); the other lines
//         go in before `backend.start();`, where a backend's features are added
//   yaml  merged into app-config.yaml (objects merged key by key, lists appended)
// Every line applied is printed with the README and line it came from, so the log shows what
// an adopter would type and nothing else. Usage: node readme-steps.js <app dir> <README>...
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const [appDir, ...readmes] = process.argv.slice(2);
const repoRoot = path.resolve(__dirname, '../..');

function markedBlocks(readme) {
  const lines = fs.readFileSync(readme, 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)\s+(.*\badopter-test\b.*)$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 2;
    const body = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) {
      body.push(lines[i]);
    }
    blocks.push({ lang: open[1], line: start, body });
  }
  return blocks;
}

function show(where, text) {
  for (const line of text.split('\n')) console.log(`[README ${where}] ${line}`);
}

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

for (const readme of readmes) {
  const rel = path.relative(repoRoot, path.resolve(readme));
  const blocks = markedBlocks(readme);
  if (blocks.length === 0) throw new Error(`${rel} has no adopter-test block`);
  for (const block of blocks) {
    const where = `${rel}:${block.line}`;
    if (block.lang === 'sh') {
      block.body.forEach((line, index) => {
        if (!line.trim() || line.trim().startsWith('#')) return;
        show(`${rel}:${block.line + index}`, line);
        execSync(line, {
          cwd: appDir,
          stdio: ['ignore', 'ignore', 'inherit'],
          shell: '/bin/bash',
        });
      });
    } else if (block.lang === 'ts' || block.lang === 'tsx') {
      const file = /^\/\/\s*(\S+)/.exec(block.body[0])?.[1];
      if (file !== 'packages/backend/src/index.ts') {
        throw new Error(
          `${where}: a code step must start with "// packages/backend/src/index.ts"`,
        );
      }
      const code = block.body.slice(1).join('\n');
      show(`${where} → ${file}`, code);
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
      const text = block.body.join('\n');
      show(`${where} → app-config.yaml`, text);
      const target = path.join(appDir, 'app-config.yaml');
      const config = YAML.parse(fs.readFileSync(target, 'utf8'));
      mergeInto(config, YAML.parse(text));
      fs.writeFileSync(target, YAML.stringify(config));
    } else {
      throw new Error(`${where}: no way to apply a ${block.lang} block`);
    }
  }
}
