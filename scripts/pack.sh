#!/usr/bin/env bash
# Builds and packs every published package (plugins/*) into dist-packs/<name>-<version>.tgz.
#   ./lz pack            (run through ./lz so the project's Node 22 and Yarn 4 are on PATH)
#
# Order matters: the package builds read the type declarations that the root `tsc` writes to
# dist-types/, so tsc runs first. `yarn pack` (not `npm pack`) because it replaces the
# `workspace:^` ranges with the real versions; it also runs each package's prepack, where
# backstage-cli points main/types/exports at dist/ and compiles config.d.ts to a JSON schema.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$PWD/dist-packs"

packages=()
for manifest in plugins/*/package.json; do
  if [ "$(node -p "require('./$manifest').private === true")" != true ]; then
    packages+=("$(dirname "$manifest")")
  fi
done

echo "[pack] yarn tsc (declarations for the package builds)" >&2
yarn tsc || [ -n "${LZ_PACK_IGNORE_TSC:-}" ]
rm -rf "$out"
mkdir -p "$out"
for dir in "${packages[@]}"; do
  name=$(node -p "require('./$dir/package.json').name")
  echo "[pack] $name: build" >&2
  (cd "$dir" && yarn build >/dev/null)
  echo "[pack] $name: pack" >&2
  # %s and %v: yarn fills in the scope-less name and the version.
  (cd "$dir" && yarn pack --out "$out/%s-%v.tgz" >/dev/null)
done
node scripts/pack-check.js "$out"
ls -1 "$out"
