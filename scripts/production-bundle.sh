#!/usr/bin/env bash
# Assembles the portal's production bundle into a directory, as packages/backend/Dockerfile
# does inside the image, and prints the command that starts it:
#   bash scripts/production-bundle.sh <dir>
#   cd <dir> && node packages/backend --config app-config.yaml --config app-config.production.yaml
# Steps: `yarn build:backend` (LZ_SKIP_BUILD=1 reuses packages/backend/dist), the skeleton
# (package.json files) with yarn.lock, `yarn workspaces focus --all --production` (runtime
# dependencies only), then the bundle (the built workspace packages) and the config files.
# The installed dependencies are cached per lockfile under ~/.cache/landing-zone, because
# installing them (about 2 min, native builds included) costs more than all the rest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
lz_toolchain

dir="${1:?usage: production-bundle.sh <target dir>}"
dist=packages/backend/dist
if [ -z "${LZ_SKIP_BUILD:-}" ] || [ ! -f "$dist/bundle.tar.gz" ]; then
  lz_log "yarn build:backend"
  yarn build:backend >/dev/null
fi

key=$( (cat .yarnrc.yml yarn.lock; tar xzOf "$dist/skeleton.tar.gz"; node --version) | sha256sum | cut -c1-16)
deps="$LZ_CACHE/production-deps/$key"
if [ ! -d "$deps/node_modules/@backstage/backend-defaults" ]; then
  lz_log "production dependencies into $deps (once per lockfile)"
  tmp="$deps.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  cp .yarnrc.yml package.json yarn.lock "$tmp/"
  tar xzf "$dist/skeleton.tar.gz" -C "$tmp"
  # The lockfile lists every workspace and dev tool; focusing drops those, so it changes.
  (cd "$tmp" && YARN_ENABLE_IMMUTABLE_INSTALLS=false yarn workspaces focus --all --production >install.log 2>&1) || {
    tail -30 "$tmp/install.log" >&2; lz_log "production install failed"; exit 1; }
  rm -rf "$deps"
  mv "$tmp" "$deps"
fi

rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
# Hard links when the cache is on the same file system (2 s for ~550 MB), else a copy.
cp -al "$deps" "$dir" 2>/dev/null || cp -a "$deps" "$dir"
# Fresh workspace folders from this build: node_modules links into them by relative path.
rm -rf "$dir/packages" "$dir/plugins"
tar xzf "$dist/skeleton.tar.gz" -C "$dir"
tar xzf "$dist/bundle.tar.gz" -C "$dir"
cp app-config.yaml app-config.production.yaml "$dir/"
lz_log "ready: cd $dir && node packages/backend --config app-config.yaml --config app-config.production.yaml"
