"""Runs a generated project's GitHub workflow (.github/workflows/ci.yaml) here, as on a push to main.

The `run:` steps are the workflow's own, executed with bash as GitHub's runner does, with the
`${{ ... }}` expressions they use filled in locally. Only what needs GitHub is replaced by its
local equivalent, step by step:
  actions/checkout            the project directory (a clone), its HEAD is github.sha
  actions/setup-python, pip   the project's virtual environment (its bin/ first on PATH)
  "Start an MLflow server"    the MLflow server the caller started ($MLFLOW_TRACKING_URI)
  docker/login-action         nothing: the local registry takes anonymous pushes
  docker/build-push-action    buildah bud + buildah push to the local registry (its digest is
                              steps.build.outputs.digest)
  "Point deploy/ at ..."      skipped: it commits and pushes to the repository, so nothing is
  "Report the deployment"     deployed and that step is skipped too
  secrets.*                   LANDING_ZONE_URL / LANDING_ZONE_TOKEN from the environment
A step that is none of these and not a plain `run:` stops the script, so a workflow that grows a
step this does not know fails here instead of being skipped silently.

Usage: python ci-local.py <project dir> <registry host:port>   (python: one with pyyaml)
Prints one JSON line: {"commit", "image", "digest", "steps": [...]}.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml

# Not run here: the server is the caller's; deploy/ is not committed and pushed, so nothing is
# deployed and no deployment fact is reported (reporting one would claim a rollout that never ran).
SKIPPED_RUN_STEPS = {"Start an MLflow server (SQLite, local artifacts)", "Point deploy/ at the pushed image", "Report the deployment"}
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def log(message: str) -> None:
    print(f"[ci-local] {message}", file=sys.stderr, flush=True)


def evaluate(text: str, context: dict) -> str:
    def one(match: re.Match) -> str:
        key = match.group(1)
        if key not in context:
            raise SystemExit(f"ci-local: no local value for ${{{{ {key} }}}} in: {text}")
        return str(context[key])

    return EXPRESSION.sub(one, text)


def run_step(project: Path, script: str, env: dict) -> None:
    # GitHub's default shell for run steps: bash --noprofile --norc -eo pipefail {0}
    subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=project, env=env, check=True)


def build_and_push(project: Path, tag: str) -> str:
    digest_file = project.parent / f".ci-local-digest-{os.getpid()}"
    # The host's CA bundle is lent to the RUN steps (not copied into a layer): pip reaches PyPI
    # through this machine's egress proxy, as a runner's pip would through its network.
    ca = "/etc/ssl/certs/ca-certificates.crt"
    volumes = ["--volume", f"{ca}:{ca}:ro"] if os.path.exists(ca) else []
    # --layers: an unchanged requirements.txt reuses the cached pip layer, as the Actions cache does.
    subprocess.run(["buildah", "bud", "--quiet", "--layers", "--isolation", "chroot", *volumes, "-t", tag, "."], cwd=project, check=True, stdout=sys.stderr)
    subprocess.run(["buildah", "push", "--quiet", "--tls-verify=false", "--digestfile", str(digest_file), tag, f"docker://{tag}"], check=True)
    digest = digest_file.read_text().strip()
    digest_file.unlink()
    return digest


def main(project_dir: str, registry: str) -> int:
    project = Path(project_dir).resolve()
    workflow = yaml.safe_load((project / ".github/workflows/ci.yaml").read_text())
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, check=True, capture_output=True, text=True).stdout.strip()
    # env.IMAGE names the team's registry; the repository path is kept, the host is the local one.
    image = f"{registry}/{workflow['env']['IMAGE'].split('/', 1)[1]}"
    context = {
        "github.sha": commit,
        "github.workflow": workflow["name"],
        "github.run_id": f"local-{int(time.time())}",
        "github.run_attempt": "1",
        "github.ref": "refs/heads/main",
        "job.status": "success",
        "env.REGISTRY": registry,
        "env.IMAGE": image,
        "secrets.LANDING_ZONE_URL": os.environ.get("LANDING_ZONE_URL", ""),
        "secrets.LANDING_ZONE_TOKEN": os.environ.get("LANDING_ZONE_TOKEN", ""),
    }
    # The portal's URL and token reach a step only as GitHub passes secrets: through that step's
    # env. The tests must not see them (they would report their own sample facts to the portal).
    secrets = ("LANDING_ZONE_URL", "LANDING_ZONE_TOKEN")
    base_env = {k: v for k, v in os.environ.items() if k not in secrets}
    base_env["PATH"] = f"{Path(sys.executable).parent}:{os.environ['PATH']}"
    done = []
    # needs: test → image, in the workflow's order.
    for job_name, job in workflow["jobs"].items():
        for step in job["steps"]:
            label = step.get("name") or step.get("uses") or step.get("run", "").splitlines()[0]
            condition = step.get("if", "")
            if "failure()" in condition:
                continue  # this run succeeds up to here, or the script has already stopped
            uses = step.get("uses", "")
            if uses.startswith(("actions/checkout@", "actions/setup-python@", "docker/login-action@")):
                done.append(f"{job_name}: {label} (local equivalent)")
                continue
            if uses.startswith("docker/build-push-action@"):
                tag = evaluate(step["with"]["tags"], context)
                started = time.time()
                digest = build_and_push(project, tag)
                context[f"steps.{step['id']}.outputs.digest"] = digest
                done.append(f"{job_name}: {label} → {tag}@{digest} ({time.time() - started:.0f}s)")
                continue
            if uses or "run" not in step:
                raise SystemExit(f"ci-local: no local equivalent for step {label!r} ({uses})")
            # `pip install -r requirements-dev.txt`: the caller's venv was built from that file.
            if label in SKIPPED_RUN_STEPS or step["run"].startswith("pip install"):
                done.append(f"{job_name}: {label} (local equivalent)")
                continue
            env = {**base_env, **{k: evaluate(str(v), context) for k, v in (step.get("env") or {}).items()}}
            if "MLFLOW_TRACKING_URI" in os.environ and "MLFLOW_TRACKING_URI" in env:
                env["MLFLOW_TRACKING_URI"] = os.environ["MLFLOW_TRACKING_URI"]  # the caller's server
            # The image job's `python3 -m pip install -q pyyaml==6.0.4` runs in the project's venv,
            # where requirements.txt already pins the same version, so it changes nothing there.
            script = evaluate(step["run"], context)
            log(f"{job_name}: {label}: {script}")
            started = time.time()
            run_step(project, script, env)
            done.append(f"{job_name}: {label} ({time.time() - started:.0f}s)")
    digests = [v for k, v in context.items() if k.endswith(".outputs.digest")]
    print(json.dumps({"commit": commit, "image": image, "digest": digests[0] if digests else None, "steps": done}))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
