#!/usr/bin/env bash
# Prints the path of a Python virtual environment built from a pinned requirements file.
# Usage: scripts/python-venv.sh <requirements-file>
#
# The environment lives at ~/.cache/landing-zone/venvs/<sha256 of the file's contents, the files
# it includes and the Python version>, so projects with identical pins share one environment
# and a second call is only a hash and a stat.
# It is built with `python3 -m venv` (never touching the system Python) under a lock, so parallel
# callers wait for one build instead of racing; a half-built environment (no .complete marker)
# is rebuilt. pip's output goes to stderr: stdout carries only the path, for `venv=$(...)`.
set -euo pipefail

requirements=${1:?usage: python-venv.sh <requirements-file>}
[ -f "$requirements" ] || { echo "python-venv.sh: requirements file not found: $requirements" >&2; exit 2; }

python=${LZ_PYTHON:-python3}
root=${LZ_VENV_ROOT:-${HOME}/.cache/landing-zone/venvs}
# The interpreter version is part of the key: a venv built by another Python would not run.
pyver=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
# Files pulled in with -r/-c count too, so `-r requirements.txt` in requirements-dev.txt keys
# the environment on both.
hash=$("$python" - "$requirements" "$pyver" <<'PY'
import hashlib, pathlib, sys
digest = hashlib.sha256(("python" + sys.argv[2] + "\n").encode())
def add(path, seen):
    path = path.resolve()
    if path in seen:
        return
    seen.add(path)
    text = path.read_text()
    digest.update(text.encode())
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) == 2 and parts[0] in ("-r", "--requirement", "-c", "--constraint"):
            add(path.parent / parts[1], seen)
add(pathlib.Path(sys.argv[1]), set())
print(digest.hexdigest())
PY
)
venv="$root/$hash"

if [ -f "$venv/.complete" ]; then
  echo "$venv"
  exit 0
fi

mkdir -p "$root"
exec 9>"$root/$hash.lock"
flock 9
if [ ! -f "$venv/.complete" ]; then
  rm -rf "$venv"
  echo "python-venv.sh: building $venv from $requirements (python $pyver)" >&2
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  "$venv/bin/python" -m pip install --disable-pip-version-check --progress-bar off \
    -r "$requirements" >&2
  touch "$venv/.complete"
fi
echo "$venv"
