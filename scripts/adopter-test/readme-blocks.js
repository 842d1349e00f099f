// The install steps of a package README: every fenced block whose info string carries
// `adopter-test` (```sh adopter-test). Shared by readme-steps.js, which applies them, and
// check-log.js, which checks that the adopter log shows these lines and nothing else.
const fs = require('node:fs');

/** @returns {{ lang: string, line: number, body: string[] }[]} line: 1-based, of body[0] */
function adopterTestBlocks(readme) {
  const lines = fs.readFileSync(readme, 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)\s+(.*\badopter-test\b.*)$/.exec(lines[i]);
    if (!open) continue;
    const line = i + 2;
    const body = [];
    for (i++; i < lines.length && !lines[i].startsWith('```'); i++) {
      body.push(lines[i]);
    }
    blocks.push({ lang: open[1], line, body });
  }
  return blocks;
}

/** How the adopter log shows README line `n` of `rel` (a path from the repository root). */
const readmeLine = (rel, n, text) => `[README ${rel}:${n}] ${text}`;
/** How the adopter log shows a line of a command's output. */
const OUTPUT_PREFIX = '    | ';

module.exports = { adopterTestBlocks, readmeLine, OUTPUT_PREFIX };
