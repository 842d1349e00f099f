#!/usr/bin/env bash
# Starts the demo portal in the background unless it already answers, then waits until both the
# backend (catalog ready) and the frontend answer. Used by the e2e tests and the benchmarks.
# Logs: var/portal.log. Stop it with: scripts/portal-down.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
lz_toolchain
mkdir -p var
APP_URL="${LZ_APP_URL:-http://localhost:3000}"
BACKEND_URL="${LZ_BACKEND_URL:-http://localhost:7007}"
TIMEOUT="${LZ_PORTAL_TIMEOUT:-600}"

up() {
  curl -fsS -o /dev/null "$BACKEND_URL/.backstage/health/v1/readiness" 2>/dev/null &&
    curl -fsS -o /dev/null "$APP_URL" 2>/dev/null
}

# The portal must not inherit any lock: not this script's (fd 9) nor the caller's
# (`flock /tmp/lz-portal.lock ./lz e2e` holds it on another descriptor). A portal holding the
# caller's lock outlives the caller and makes every later `flock` wait for it forever.
start_portal() {
  local fd
  for fd in /proc/"$BASHPID"/fd/*; do
    fd=${fd##*/}
    if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
  done
  exec setsid nohup yarn start >var/portal.log 2>&1
}

exec 9>var/portal.lock
flock 9
if ! up; then
  if [ ! -f var/portal.pid ] || ! kill -0 "$(cat var/portal.pid)" 2>/dev/null; then
    lz_log "starting the portal (log: var/portal.log)"
    start_portal &
    echo $! >var/portal.pid
  fi
  start=$(date +%s)
  until up; do
    if [ $(($(date +%s) - start)) -gt "$TIMEOUT" ]; then
      lz_log "portal not ready after ${TIMEOUT}s; last log lines:"
      tail -40 var/portal.log >&2
      exit 1
    fi
    if ! kill -0 "$(cat var/portal.pid)" 2>/dev/null; then
      lz_log "portal exited; last log lines:"
      tail -40 var/portal.log >&2
      exit 1
    fi
    sleep 2
  done
  lz_log "portal ready after $(($(date +%s) - start))s"
fi
