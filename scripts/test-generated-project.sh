#!/usr/bin/env bash
# Renders the golden-path templates with sample form values, with Backstage's own fetch:template
# action, at Level 1 and Level 2, and runs each generated project's own tests as its CI would:
# in a virtual environment built from the project's pinned requirements (scripts/python-venv.sh,
# cached and shared by projects with identical pins), against a real MLflow server (SQLite,
# local artifacts) started here. The tests then go log → register → gate → promote → load →
# predict on that server, and fail if it is not the one they talk to.
# Usage: scripts/test-generated-project.sh [template ...]   (default: all three)
#        LZ_LEVELS="2" scripts/test-generated-project.sh    (default: "1 2")
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
lz_toolchain

templates=("$@")
[ ${#templates[@]} -gt 0 ] || templates=(batch-training online-inference llm-rag)
read -r -a levels <<<"${LZ_LEVELS:-1 2}"
work=$(mktemp -d "${TMPDIR:-/tmp}/lz-generated.XXXXXX")
module=plugins/scaffolder-backend-module-mlops
# Bundled next to its sources so Node resolves the workspace's packages.
bundle="$module/scripts/.render-template.bundle.cjs"
cleanup() {
  scripts/mlflow-server.sh stop "$work/mlflow" || true
  rm -rf "$work" "$bundle"
}
trap cleanup EXIT
node -e "
require('esbuild').buildSync({
  entryPoints: ['$module/scripts/render-template.ts'],
  bundle: true, platform: 'node', target: 'node22', format: 'cjs',
  outfile: '$bundle', packages: 'external', logLevel: 'error',
});"

started=$(date +%s)
tracking=$(scripts/mlflow-server.sh start "$work/mlflow")
export "${tracking?}"
lz_log "MLflow server up ($tracking) in $(($(date +%s) - started))s"

summary=()
for template in "${templates[@]}"; do
  for level in "${levels[@]}"; do
    out="$work/$template-level$level"
    mkdir -p "$out"
    step=$(date +%s)
    node "$bundle" "$template" "$level" "$out"
    venv=$(scripts/python-venv.sh "$out/requirements-dev.txt")
    lz_log "$template at Level $level: its tests with $venv/bin/python against $MLFLOW_TRACKING_URI"
    (cd "$out" && LZ_REQUIRE_MLFLOW_SERVER=1 "$venv/bin/python" -m pytest -q -W ignore::DeprecationWarning)
    summary+=("$template L$level: $(($(date +%s) - step))s")
  done
done
lz_log "generated projects passed: ${summary[*]} (total $(($(date +%s) - started))s)"
