#!/usr/bin/env node
// Holds the adopter log to the READMEs: its first line is the create-app command, and every
// other line is either a command's output (OUTPUT_PREFIX) or a README line, shown exactly as
// the README has it at that line; together the README lines are every line of every
// adopter-test block, in order, once. Anything the test does of its own (the registry, ports,
// Chromium) belongs in the harness log; this check fails if it shows up here.
// Usage: node check-log.js <adopter log> <create-app command> <README>...
const fs = require('node:fs');
const path = require('node:path');
const {
  adopterTestBlocks,
  readmeLine,
  OUTPUT_PREFIX,
} = require('./readme-blocks');

const [logFile, createAppCommand, ...readmes] = process.argv.slice(2);
const repoRoot = path.resolve(__dirname, '../..');

const expected = readmes.flatMap(readme => {
  const rel = path.relative(repoRoot, path.resolve(readme));
  return adopterTestBlocks(readme).flatMap(block =>
    block.body.map((text, index) => readmeLine(rel, block.line + index, text)),
  );
});

const lines = fs.readFileSync(logFile, 'utf8').replace(/\n$/, '').split('\n');
const problems = [];
if (lines[0] !== `$ ${createAppCommand}`) {
  problems.push(`line 1 is not "$ ${createAppCommand}": ${lines[0]}`);
}
const shown = [];
lines.slice(1).forEach((line, index) => {
  if (line.startsWith(OUTPUT_PREFIX)) return;
  if (!line.startsWith('[README ')) {
    problems.push(
      `line ${index + 2} is neither a README line nor output: ${line}`,
    );
    return;
  }
  shown.push(line);
});
for (let i = 0; i < Math.max(shown.length, expected.length); i++) {
  if (shown[i] !== expected[i]) {
    problems.push(
      `README line ${i + 1} of the log differs from the READMEs:\n  log:    ${
        shown[i] ?? '(missing)'
      }\n  README: ${expected[i] ?? '(none)'}`,
    );
    break;
  }
}
if (problems.length > 0) {
  console.error(
    `${logFile} does not show the READMEs' lines and nothing else:`,
  );
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
console.log(
  `${logFile}: the create-app command and ${expected.length} README lines, nothing else`,
);
