#!/usr/bin/env bash
# Runs a generated project's CI workflow here, the whole way a push to main does on GitHub:
# its tests, its image built from its own Dockerfile (buildah, no Docker engine needed), tagged
# with the commit SHA and pushed to a registry, and the `ci-run` fact with the pushed digest
# reported to the portal by the project's own command (scripts/ci-local.py reads the steps from
# .github/workflows/ci.yaml).
# No registry is reachable from here, so two stand-ins, both local and temporary:
#   the base image   python:3.11-slim built from Debian packages (scripts/python-base-image.sh,
#                    cached under ~/.cache/landing-zone)
#   the registry     Debian's docker-registry (distribution 2.8) on a free 127.0.0.1 port, with
#                    its storage in a temporary directory; stopped by its PID on exit
# Usage: scripts/ci-image-build.sh <project dir> <project venv python>
#   env: LANDING_ZONE_URL, LANDING_ZONE_TOKEN (the portal), MLFLOW_TRACKING_URI (the tests' server)
# stdout: one JSON line from ci-local.py ({"commit", "image", "digest", "steps"}).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project=${1:?usage: ci-image-build.sh <project dir> <venv python>}
python=${2:?usage: ci-image-build.sh <project dir> <venv python>}
log() { printf '[ci-image-build] %s\n' "$*" >&2; }

bash "$here/prerequisites.sh" image-build

started=$(date +%s)
"$here/python-base-image.sh" >/dev/null
log "base image ready in $(($(date +%s) - started))s"

work="$(mktemp -d "${TMPDIR:-/tmp}/lz-registry.XXXXXX")"
registry_pid=
cleanup() {
  [ -z "$registry_pid" ] || kill "$registry_pid" 2>/dev/null || true
  [ -z "$registry_pid" ] || wait "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$work/config.yml" <<YAML
version: 0.1
log: { level: warn }
storage: { filesystem: { rootdirectory: $work/storage }, delete: { enabled: true } }
http: { addr: 127.0.0.1:$port }
YAML
docker-registry serve "$work/config.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$port/v2/" >/dev/null && break
  kill -0 "$registry_pid" 2>/dev/null || { cat "$work/registry.log" >&2; exit 1; }
  sleep 0.2
done
log "registry up at 127.0.0.1:$port"

step=$(date +%s)
"$python" "$here/ci-local.py" "$project" "127.0.0.1:$port"
log "workflow ran in $(($(date +%s) - step))s (total $(($(date +%s) - started))s)"
