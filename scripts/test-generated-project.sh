#!/usr/bin/env bash
# Renders golden-path templates with sample form values (as fetch:template would) and runs each
# generated project's own tests with Debian's python3 and packages (there is no PyPI here).
# Usage: scripts/test-generated-project.sh [template ...]   (default: all three, at Level 2,
# which includes every Level-1 file plus the Level-2 additions).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
lz_toolchain

templates=("$@")
[ ${#templates[@]} -gt 0 ] || templates=(batch-training online-inference llm-rag)
work=$(mktemp -d "${TMPDIR:-/tmp}/lz-generated.XXXXXX")
module=plugins/scaffolder-backend-module-mlops
# Bundled next to its sources so Node resolves fs-extra and yaml from the workspace.
bundle="$module/scripts/.render-template.bundle.cjs"
trap 'rm -rf "$work" "$bundle"' EXIT
node -e "
require('esbuild').buildSync({
  entryPoints: ['$module/scripts/render-template.ts'],
  bundle: true, platform: 'node', target: 'node22', format: 'cjs',
  outfile: '$bundle', packages: 'external', logLevel: 'error',
});"

for template in "${templates[@]}"; do
  out="$work/$template"
  mkdir -p "$out"
  node "$bundle" "$template" 2 "$out"
  lz_log "generated $template: running its tests with /usr/bin/python3"
  (cd "$out" && /usr/bin/python3 -m pytest)
done
