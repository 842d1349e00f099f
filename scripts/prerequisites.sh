#!/usr/bin/env bash
# Checks, before any test runs, the system programs the test suite needs besides Node:
#   chromium   the browser the end-to-end tests drive (/usr/bin/chromium, or $LZ_CHROMIUM)
#   python     python3 with venv + pip (the golden paths' Python tests build virtual environments)
#   image-build  buildah, docker-registry and debootstrap (scripts/ci-image-build.sh builds and
#              pushes a generated project's image locally, without a Docker engine)
# Usage: scripts/prerequisites.sh chromium python
#
# Missing pieces are installed with apt when that is allowed (LZ_AUTO_INSTALL=1, running as root
# with apt-get; .ci/run sets it); otherwise the script prints the exact command and exits 1, so
# `./lz test` stops in seconds instead of failing in the browser stage minutes later.
set -euo pipefail

lz_prereq_log() { printf '[landing-zone] %s\n' "$*" >&2; }

missing_packages=()
missing_what=()

check_chromium() {
  local browser="${LZ_CHROMIUM:-/usr/bin/chromium}"
  if [ -x "$browser" ]; then
    return 0
  fi
  if [ -n "${LZ_CHROMIUM:-}" ]; then
    # A browser the user named cannot be installed by us; only say what is wrong.
    lz_prereq_log "LZ_CHROMIUM=$LZ_CHROMIUM is not an executable file"
    exit 1
  fi
  missing_packages+=(chromium)
  missing_what+=("Chromium for the end-to-end tests ($browser)")
}

check_python() {
  # Debian ships ensurepip (which venv uses to put pip in a new environment) in python3-venv;
  # without it `python3 -m venv` fails half-way with a hint few people read.
  if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import venv, ensurepip; ensurepip.version()' >/dev/null 2>&1; then
    return 0
  fi
  missing_packages+=(python3 python3-venv)
  missing_what+=("python3 with the venv module (python3 -m venv)")
}

check_image_build() {
  local tool package
  for tool in buildah:buildah docker-registry:docker-registry debootstrap:debootstrap; do
    package=${tool#*:}
    command -v "${tool%%:*}" >/dev/null 2>&1 && continue
    missing_packages+=("$package")
    missing_what+=("${tool%%:*} for the local image build (scripts/ci-image-build.sh)")
  done
}

for need in "$@"; do
  case "$need" in
    chromium) check_chromium ;;
    python) check_python ;;
    image-build) check_image_build ;;
    *) lz_prereq_log "prerequisites.sh: unknown prerequisite '$need'"; exit 2 ;;
  esac
done

[ ${#missing_packages[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y ${missing_packages[*]}"
for what in "${missing_what[@]}"; do
  lz_prereq_log "missing: $what"
done
if [ "${LZ_AUTO_INSTALL:-}" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  lz_prereq_log "installing: $command"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing_packages[@]}" >/dev/null
  # Install first, then check again: a package that installed but does not provide what the
  # tests need must still stop the run here.
  LZ_AUTO_INSTALL= exec bash "$0" "$@"
fi
sudo=
[ "$(id -u)" = 0 ] || sudo='sudo '
lz_prereq_log "install them with:"
lz_prereq_log "  ${sudo}sh -c '$command'"
lz_prereq_log "(or set LZ_AUTO_INSTALL=1 and run as root to let ./lz install them; LZ_CHROMIUM=<path> names another Chromium)"
exit 1
