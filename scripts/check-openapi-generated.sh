#!/usr/bin/env bash
# Fails when the files generated from plugins/mlops-backend/src/schema/openapi.yaml (server
# types and router, and the client in mlops-common) differ from what the generator makes of
# the spec now, i.e. someone edited the spec (or a generated file) without regenerating.
# Regenerate with: ./lz yarn workspace @landing-zone/plugin-mlops-backend generate
set -euo pipefail
cd "$(dirname "$0")/.."
generated=(plugins/mlops-backend/src/schema/openapi plugins/mlops-common/src/schema/openapi)
before="$(mktemp -d)"
trap 'rm -rf "$before"' EXIT
for dir in "${generated[@]}"; do
  mkdir -p "$before/$dir"
  cp -r "$dir/." "$before/$dir/"
done
# repo-tools reports a failed generation on stdout and still exits 0; the diff below catches
# it (the output folders are emptied first), and the log says why.
if ! yarn workspace @landing-zone/plugin-mlops-backend generate >"$before/generate.log" 2>&1; then
  cat "$before/generate.log" >&2
  exit 1
fi
stale=0
for dir in "${generated[@]}"; do
  if ! diff -r "$before/$dir" "$dir" >"$before/diff.txt"; then
    echo "openapi: $dir was stale; it is regenerated now, commit it:" >&2
    head -40 "$before/diff.txt" >&2
    stale=1
  fi
done
if [ "$stale" = 1 ]; then
  grep -iE 'fail|error' "$before/generate.log" >&2 || true
  exit 1
fi
echo "openapi: generated files match openapi.yaml"
