#!/usr/bin/env bash
# The adopter test: what a platform engineer with a fresh Backstage app goes through.
#   ./lz adopter-test
# 1. packs the packages (./lz pack) and serves the tarballs as the @landing-zone scope of a
#    local registry, as if they were published;
# 2. creates an app with `@backstage/create-app` (new frontend system) in a temporary folder
#    (its installed base is cached under ~/.cache/landing-zone, keyed on the create-app version);
# 3. applies the READMEs' install steps exactly as written (scripts/adopter-test/readme-steps.js
#    runs every ```<lang> adopter-test block);
# 4. starts the app on free ports, runs a golden path through the scaffolder API and checks the
#    overview, a team page and the entity card in Chromium (scripts/adopter-test/adopter.spec.ts).
# Two logs, in var/adopter-test/ (LZ_ADOPTER_LOG_DIR):
#   adopter.log  what an adopter does: the create-app command, then every line of the READMEs'
#                adopter-test blocks with its README and line, each command with its output;
#                scripts/adopter-test/check-log.js fails the test if anything else is in it;
#   harness.log  what stands in for the world this machine cannot reach, and the checks: the
#                local registry (npmjs.org), the templates as a file (GitHub, through the
#                README's LZ_TEMPLATES_* variables), create-app's lockfile seed (GitHub), ports.
# LZ_ADOPTER_KEEP=1 keeps the temporary folder; LZ_ADOPTER_SKIP_PACK=1 reuses dist-packs/.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
. scripts/toolchain.sh
lz_toolchain
CREATE_APP_VERSION="${LZ_CREATE_APP_VERSION:-0.9.2}"
t0=$(date +%s)
logs="${LZ_ADOPTER_LOG_DIR:-$repo/var/adopter-test}"
mkdir -p "$logs"
adopter_log="$logs/adopter.log"
harness_log="$logs/harness.log"
: >"$adopter_log"
: >"$harness_log"
# The harness's own steps: to the terminal and the harness log, never the adopter log.
log() { printf '[adopter-test +%ss] %s\n' "$(($(date +%s) - t0))" "$*" | tee -a "$harness_log"; }
log "adopter log: $adopter_log; harness log: $harness_log"
READMES=(
  plugins/mlops-backend/README.md
  plugins/catalog-backend-module-mlops/README.md
  plugins/scaffolder-backend-module-mlops/README.md
  plugins/mlops/README.md
)

# (pipefail: a failed step fails its pipeline through tee, and set -e stops the test)
bash scripts/prerequisites.sh chromium 2>&1 | tee -a "$harness_log"

if [ -z "${LZ_ADOPTER_SKIP_PACK:-}" ] || ! ls dist-packs/*.tgz >/dev/null 2>&1; then
  log "packing the packages (./lz pack)"
  bash scripts/pack.sh >>"$harness_log" 2>&1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lz-adopter.XXXXXX")
app="$work/app"
pids=()
cleanup() {
  # Each was started with setsid: its session holds every process it spawned (backstage-cli
  # gives the backend a process group of its own, so the group alone is not enough).
  for pid in "${pids[@]}"; do pkill -s "$pid" 2>/dev/null || true; done
  if [ -n "${LZ_ADOPTER_KEEP:-}" ]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- the local registry for the @landing-zone scope
setsid node scripts/adopter-test/registry.js dist-packs "$work/registry.port" &
pids+=($!)
for _ in $(seq 50); do [ -s "$work/registry.port" ] && break; sleep 0.1; done
registry_port=$(cat "$work/registry.port")

# --- a fresh create-app app, installed once per create-app version. The adopter log shows
# what an adopter types; here the install is a step of its own, to align the lockfile.
create_app="npx @backstage/create-app@$CREATE_APP_VERSION --path app"
base="$LZ_CACHE/adopter-base-$CREATE_APP_VERSION"
if [ ! -f "$base/.complete" ]; then
  log "creating and installing a @backstage/create-app@$CREATE_APP_VERSION app (cached in $base)"
  rm -rf "$base" "$work/bootstrap"
  # create-app asks `yarn -v`; corepack answers only where a packageManager is pinned.
  mkdir -p "$work/bootstrap"
  echo '{ "packageManager": "yarn@4.13.0" }' >"$work/bootstrap/package.json"
  (cd "$work/bootstrap" && BACKSTAGE_APP_NAME=adopter npx -y "@backstage/create-app@$CREATE_APP_VERSION" \
    --path "$base" --skip-install >"$work/create-app.log" 2>&1) || {
    tail -30 "$work/create-app.log"; exit 1; }
  (cd "$base" && yarn install >"$work/base-install.log" 2>&1) || { tail -30 "$work/base-install.log"; exit 1; }
  # create-app seeds yarn.lock from GitHub, which this machine cannot reach; unseeded, the
  # install takes @backstage/backend-plugin-api 1.12 with backend-defaults 0.18, whose
  # httpRouter lacks addWebSocketHandler, and the stock signals plugin stops the backend.
  # An adopter gets the seeded lockfile, so this is the harness's step, not a README's.
  log "aligning @backstage/backend-defaults with backend-plugin-api (create-app's lockfile seed is unreachable)"
  (cd "$base" && yarn --cwd packages/backend add '@backstage/backend-defaults@^0.19.0' >>"$work/base-install.log" 2>&1) ||
    { tail -30 "$work/base-install.log"; exit 1; }
  cp "$work/create-app.log" "$base/.lz-create-app.log"
  cp "$work/base-install.log" "$base/.lz-base-install.log"
  touch "$base/.complete"
fi
cat "$base/.lz-base-install.log" >>"$harness_log" 2>/dev/null || true
{
  echo "\$ $create_app"
  # The output of the run that made the cached base, with the base's path shown as the app's.
  sed -e "s|$base|app|g" -e 's/^/    | /' "$base/.lz-create-app.log" 2>/dev/null || true
} >>"$adopter_log"
log "copying the fresh app to $app"
cp -a "$base" "$app"
rm -f "$app/.complete" "$app"/.lz-*.log

# --- the test's own setup: registry, ports, teams and templates
node - "$app/.yarnrc.yml" "$registry_port" <<'NODE'
const fs = require('fs');
const YAML = require('yaml');
const [file, port] = process.argv.slice(2);
const rc = YAML.parse(fs.readFileSync(file, 'utf8'));
rc.npmScopes = { 'landing-zone': { npmRegistryServer: `http://127.0.0.1:${port}` } };
rc.unsafeHttpWhitelist = ['127.0.0.1'];
// Just packed, so younger than create-app's npmMinimalAgeGate; a real release would not be.
rc.npmPreapprovedPackages = [...(rc.npmPreapprovedPackages ?? []), '@landing-zone/*'];
fs.writeFileSync(file, YAML.stringify(rc));
NODE
# yarn's global cache keys a package by name and version, not content: drop earlier packs.
cache=$(cd "$app" && yarn config get cacheFolder)
rm -f "$cache"/@landing-zone-*
log "registry for @landing-zone on 127.0.0.1:$registry_port"

# --- the READMEs' install steps, exactly: the adopter log
log "applying the READMEs' install steps (into $adopter_log)"
node scripts/adopter-test/readme-steps.js "$app" "${READMES[@]}" >>"$adopter_log" ||
  { log "a README step failed; the end of $adopter_log:"; tail -30 "$adopter_log"; exit 1; }
node scripts/adopter-test/check-log.js "$adopter_log" "$create_app" "${READMES[@]}" 2>&1 | tee -a "$harness_log"

free_port() { node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
app_port=$(free_port)
backend_port=$(free_port)
team=data-science # declared in plugins/scaffolder-backend-module-mlops/README.md
cat >"$app/app-config.local.yaml" <<EOF
app:
  baseUrl: http://localhost:$app_port
backend:
  baseUrl: http://localhost:$backend_port
  listen: { port: $backend_port }
  cors: { origin: http://localhost:$app_port }
mlops:
  history:
    schedule: { frequency: { seconds: 20 }, timeout: { minutes: 2 }, initialDelay: { seconds: 5 } }
EOF
# The README's templates location reads these; an adopter's default is their repository's URL.
export LZ_TEMPLATES_TYPE=file LZ_TEMPLATES_TARGET="$repo/templates/all.yaml"
log "test setup: ports app $app_port / backend $backend_port, templates from $LZ_TEMPLATES_TARGET"

# --- start the app
log "yarn start"
(cd "$app" && exec setsid yarn start >"$logs/app.log" 2>&1) &
pids+=($!)
backend="http://localhost:$backend_port"
started=$(date +%s)
until curl -fsS -o /dev/null "$backend/.backstage/health/v1/readiness" 2>/dev/null &&
  curl -fsS -o /dev/null "http://localhost:$app_port" 2>/dev/null; do
  if [ $(($(date +%s) - started)) -gt 600 ] || ! kill -0 "${pids[-1]}" 2>/dev/null; then
    log "the app did not start; last log lines:"; tail -40 "$logs/app.log"; exit 1
  fi
  sleep 3
done
log "app ready after $(($(date +%s) - started))s"

# --- a golden-path run through the scaffolder API, as the guest user
token=$(curl -fsS -H 'x-requested-with: XMLHttpRequest' "$backend/api/auth/guest/refresh?optional&env=development" |
  node -p 'JSON.parse(require("fs").readFileSync(0)).backstageIdentity.token')
api() { curl -fsS -H "authorization: Bearer $token" -H 'content-type: application/json' "$@"; }
use_case="adopter-churn-$(date +%s)"
poll() { # poll <seconds> <description> <command...>: until the command succeeds
  local limit=$1 what=$2; shift 2
  local since=$(date +%s)
  until "$@"; do
    if [ $(($(date +%s) - since)) -gt "$limit" ]; then log "gave up waiting for $what"; tail -40 "$logs/app.log"; exit 1; fi
    sleep 3
  done
}
poll 180 "the online-inference template in the catalog" \
  api -o /dev/null "$backend/api/catalog/entities/by-name/template/default/online-inference"
task=$(api -X POST "$backend/api/scaffolder/v2/tasks" -d "{
  \"templateRef\": \"template:default/online-inference\",
  \"values\": { \"name\": \"$use_case\", \"owner\": \"group:default/$team\",
    \"businessObjective\": \"Keep more customers by calling the ones about to leave.\",
    \"dataClassification\": \"internal\", \"dataResidency\": \"ca\", \"computeTier\": \"cpu-small\",
    \"gpuBudget\": 0, \"targetLevel\": 1 } }" | node -p 'JSON.parse(require("fs").readFileSync(0)).id')
log "golden path online-inference started: task $task"
task_done() {
  local status
  status=$(api "$backend/api/scaffolder/v2/tasks/$task" | node -p 'JSON.parse(require("fs").readFileSync(0)).status')
  if [ "$status" = failed ] || [ "$status" = cancelled ]; then
    log "the golden-path run $status:"
    api "$backend/api/scaffolder/v2/tasks/$task/events" | node -e '
      for (const e of JSON.parse(require("fs").readFileSync(0))) if (e.body?.message) console.log(e.body.message)' | tail -20
    exit 1
  fi
  [ "$status" = completed ]
}
poll 300 "the golden-path run" task_done
log "golden path completed"
poll 300 "component:default/$use_case in the catalog" \
  api -o /dev/null "$backend/api/catalog/entities/by-name/component/default/$use_case"
team_listed() { api "$backend/api/mlops/teams?window=90" | grep -q "\"group:default/$team\""; }
poll 300 "$team in /api/mlops/teams" team_listed
overview=$(api "$backend/api/mlops/overview?window=90" | node -p 'JSON.parse(require("fs").readFileSync(0)).kpis.useCases')
log "API: /api/mlops/overview counts $overview use case(s); /api/mlops/teams lists $team"

# --- the pages, in Chromium
log "browser checks"
LZ_APP_URL="http://localhost:$app_port" LZ_BACKEND_URL="$backend" \
  LZ_ADOPTER_USE_CASE="$use_case" LZ_ADOPTER_TEAM="$team" \
  yarn playwright test --config scripts/adopter-test/playwright.config.ts 2>&1 | tee -a "$harness_log"
log "passed in $(($(date +%s) - t0))s; adopter log: $adopter_log"
