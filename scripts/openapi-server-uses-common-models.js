#!/usr/bin/env node
/*
 * Runs after `backstage-repo-tools package schema openapi generate --server --client-package
 * plugins/mlops-common` (the backend's `generate` script).
 *
 * Why: repo-tools writes the same model files twice from one openapi.yaml, once beside the
 * server stub (mlops-backend) and once beside the client (mlops-common). Two copies of every
 * response type are two owners of one fact: a reader cannot tell which one the frontend
 * compiles against. The client package is the one every caller already imports, so the server
 * stub is pointed at its models and the backend's copy is removed. A response-field change in
 * the spec then still breaks the backend and the frontend at compile time, through one type.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const serverDir = path.join(
  root,
  'plugins/mlops-backend/src/schema/openapi/generated',
);
const clientModels = path.join(
  root,
  'plugins/mlops-common/src/schema/openapi/generated/models',
);
const commonPackage = '@landing-zone/plugin-mlops-common';

const serverFile = path.join(serverDir, 'apis/Api.server.ts');
const source = fs.readFileSync(serverFile, 'utf8');

const modelImport =
  /^import \{ (\w+) \} from '\.\.\/models\/(\w+)\.model';\n/gm;
const names = [];
for (const [, name, file] of source.matchAll(modelImport)) {
  if (name !== file) {
    throw new Error(`unexpected model import ${name} from ${file}.model`);
  }
  // The client must hold every model the server stub names, or the backend would compile
  // against a type nobody generates.
  if (!fs.existsSync(path.join(clientModels, `${file}.model.ts`))) {
    throw new Error(`the client package has no model ${file}: regenerate both`);
  }
  names.push(name);
}
if (names.length === 0) {
  throw new Error(
    `no model imports found in ${serverFile}: the generator's layout changed`,
  );
}

let replaced = false;
const rewritten = source.replace(modelImport, () => {
  if (replaced) return '';
  replaced = true;
  return `import type {\n${names
    .map(name => `  ${name},\n`)
    .join('')}} from '${commonPackage}';\n`;
});
fs.writeFileSync(serverFile, rewritten);
fs.rmSync(path.join(serverDir, 'models'), { recursive: true, force: true });
console.log(
  `openapi: the server stub uses ${names.length} models from ${commonPackage}`,
);
