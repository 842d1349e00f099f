#!/usr/bin/env bash
# Puts the OpenAPI Generator JAR that @backstage/repo-tools expects where its npm wrapper
# (@openapitools/openapi-generator-cli) looks for it, so `backstage-repo-tools package schema
# openapi generate` runs offline.
#
# Why: the wrapper downloads the JAR from Maven Central on first use, which this machine (and
# CI) cannot reach. PyPI, which is reachable, publishes the very same upstream JAR inside the
# `openapi-generator-cli` wheel (same version numbers), so we take it from there. Java (17 on
# this machine kind) runs it. The version is the one repo-tools pins in its openapitools.json,
# so upgrading repo-tools upgrades the generator with it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="$(node -p "require('$root/node_modules/@backstage/repo-tools/openapitools.json')['generator-cli'].version")"
# The wrapper keeps its JARs in versions/<version>.jar beside its main.js.
dir="$root/node_modules/@openapitools/openapi-generator-cli/versions"
jar="$dir/$version.jar"
[ -f "$jar" ] && exit 0
command -v java >/dev/null || { echo "openapi-generator: java is needed (apt-get install default-jre-headless)" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" "openapi-generator-cli==$version"
mkdir -p "$dir"
python3 - "$tmp" "$jar" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + '/openapi_generator_cli-*.whl')[0]
with zipfile.ZipFile(wheel) as z, open(sys.argv[2] + '.part', 'wb') as out:
    out.write(z.read('openapi_generator_cli/openapi-generator.jar'))
PY
mv "$jar.part" "$jar"
echo "openapi-generator: $jar (from PyPI openapi-generator-cli==$version)" >&2
