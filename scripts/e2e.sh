#!/usr/bin/env bash
# Runs the Playwright specs in e2e/ against the demo portal (started if it is not running, and
# stopped again afterwards if this script started it). Screenshots: e2e-results/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
lz_toolchain
mkdir -p e2e-results/screenshots
# Stop the portal afterwards only if portal-up started it; deciding by its pid file rather than
# by a health check before, which a portal that is shutting down still answers.
before=$(cat var/portal.pid 2>/dev/null || true)
bash scripts/portal-up.sh
after=$(cat var/portal.pid 2>/dev/null || true)
started=
[ -n "$after" ] && [ "$after" != "$before" ] && started=1
trap '[ -n "$started" ] && bash scripts/portal-down.sh' EXIT
yarn playwright test "$@"
