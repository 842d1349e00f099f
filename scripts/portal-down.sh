#!/usr/bin/env bash
# Stops a portal started by scripts/portal-up.sh (the whole process group).
cd "$(dirname "$0")/.."
if [ -f var/portal.pid ]; then
  kill -- -"$(cat var/portal.pid)" 2>/dev/null || true
  rm -f var/portal.pid
fi
