#!/usr/bin/env bash
# Starts or stops a real MLflow tracking server (SQLite backend, local artifacts) for tests and
# the local loop.
#   scripts/mlflow-server.sh start <dir>   prints exactly one line on stdout:
#                                          MLFLOW_TRACKING_URI=http://127.0.0.1:<port>
#   scripts/mlflow-server.sh stop <dir>    stops the server whose PID is in <dir>/mlflow.pid
# The server runs from the venv of scripts/mlflow-requirements.txt (built by python-venv.sh on
# first use). It is started in its own process group so `stop` also ends its workers; its log
# is <dir>/mlflow.log.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:?usage: mlflow-server.sh start|stop <dir>}
dir=${2:?usage: mlflow-server.sh start|stop <dir>}
timeout_s=${LZ_MLFLOW_START_TIMEOUT:-180}

stop() {
  [ -f "$dir/mlflow.pid" ] || { echo "mlflow-server.sh: no $dir/mlflow.pid, nothing to stop" >&2; return 0; }
  local pid
  pid=$(cat "$dir/mlflow.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$dir/mlflow.pid"
}

case "$cmd" in
  start)
    mkdir -p "$dir/artifacts"
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/mlflow.pid" ] && kill -0 "$(cat "$dir/mlflow.pid")" 2>/dev/null; then
      echo "mlflow-server.sh: a server is already running for $dir (pid $(cat "$dir/mlflow.pid"))" >&2
      exit 1
    fi
    venv=$("$here/python-venv.sh" "$here/mlflow-requirements.txt")
    port=${LZ_MLFLOW_PORT:-$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
    started=$(date +%s)
    # The server's background job runner (a pool of huey consumers, for GenAI scorers) is not
    # used by tracking or the registry and would cost ~10 processes on a 2-core machine.
    # The registry resolves `models:/m-<id>` sources (what MLflow 3 registers) with a client on
    # the process-wide tracking URI, not on --backend-store-uri; without this every model version
    # creation answers 500 "Unable to fetch model from model URI source".
    MLFLOW_SERVER_ENABLE_JOB_EXECUTION=${MLFLOW_SERVER_ENABLE_JOB_EXECUTION:-false} \
    MLFLOW_TRACKING_URI="sqlite:///$dir/mlflow.db" \
    setsid "$venv/bin/mlflow" server \
      --backend-store-uri "sqlite:///$dir/mlflow.db" \
      --default-artifact-root "$dir/artifacts" \
      --host 127.0.0.1 --port "$port" --workers 1 \
      >"$dir/mlflow.log" 2>&1 </dev/null &
    echo $! >"$dir/mlflow.pid"
    url="http://127.0.0.1:$port"
    until "$venv/bin/python" - "$url" <<'PY' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1] + "/health", timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
PY
    do
      if ! kill -0 "$(cat "$dir/mlflow.pid")" 2>/dev/null; then
        echo "mlflow-server.sh: the server exited; last lines of $dir/mlflow.log:" >&2
        tail -n 30 "$dir/mlflow.log" >&2
        rm -f "$dir/mlflow.pid"
        exit 1
      fi
      if [ $(($(date +%s) - started)) -ge "$timeout_s" ]; then
        echo "mlflow-server.sh: no answer on $url/health after ${timeout_s}s; see $dir/mlflow.log" >&2
        stop
        exit 1
      fi
      sleep 0.5
    done
    echo "mlflow-server.sh: $(grep -m1 -o 'mlflow==[^ ]*' "$here/mlflow-requirements.txt") up on $url in $(($(date +%s) - started))s (pid $(cat "$dir/mlflow.pid"))" >&2
    echo "MLFLOW_TRACKING_URI=$url"
    ;;
  stop) stop ;;
  *) echo "usage: mlflow-server.sh start|stop <dir>" >&2; exit 2 ;;
esac
