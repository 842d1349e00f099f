#!/usr/bin/env bash
# Runs the Playwright specs in e2e/ against the demo portal (started if it is not running, and
# stopped again afterwards if this script started it). Screenshots: e2e-results/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
lz_toolchain
mkdir -p e2e-results/screenshots
started=
if ! curl -fsS -o /dev/null http://localhost:7007/.backstage/health/v1/readiness 2>/dev/null; then
  started=1
fi
bash scripts/portal-up.sh
trap '[ -n "$started" ] && bash scripts/portal-down.sh' EXIT
yarn playwright test "$@"
