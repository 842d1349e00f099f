"""Command line for reporting facts (used by the pipeline steps, CI and the tests):

    python -m usecase.report_facts run <mlflow-run-id>     training run, its model version(s), its gate
    python -m usecase.report_facts deployment --environment production --version 3 --id <ci-run-id>
    python -m usecase.report_facts retraining --trigger drift --run-id <mlflow-run-id>
    python -m usecase.report_facts ci-run --status success --commit <sha> --workflow ci --id <run-id> [--image-digest sha256:...]

Reads LANDING_ZONE_URL / LANDING_ZONE_TOKEN (or --url / --token); exits 1 if the portal refuses.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import List

from . import facts
from .config import tracking_config


def run_facts(run_id: str) -> List[dict]:
    """Everything MLflow knows about one pipeline run, as facts: MLflow is the source of truth,
    so reporting the same run twice sends the same facts."""
    # MLflow only here: the deployment and CI facts are sent from jobs that install just pyyaml.
    from mlflow.tracking import MlflowClient  # noqa: PLC0415

    from .tracking import configure  # noqa: PLC0415

    uri = configure()
    client = MlflowClient()
    run = client.get_run(run_id)
    collected = [facts.training_run(run)]
    tags = run.data.tags
    if "gate.suite" in tags:
        collected.append(
            facts.evaluation(
                run_id,
                tags["gate.suite"],
                float(tags["gate.score"]),
                float(tags["gate.threshold"]),
                tags["gate.passed"] == "true",
                tags.get("registered_version"),
            )
        )
    model = tags.get("registered_model") or tracking_config().model_name
    if tags.get("registered_version"):
        version = client.get_model_version(model, tags["registered_version"])
        collected.append(
            facts.model_version(uri, model, version.version, list(version.aliases), run_id, {k: float(v) for k, v in run.data.metrics.items()})
        )
    if tags.get("trigger"):
        collected.append(facts.retraining(tags["trigger"], run_id))
    return collected


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m usecase.report_facts")
    parser.add_argument("--url", default=None, help="portal URL (default: $LANDING_ZONE_URL)")
    parser.add_argument("--token", default=None, help="token (default: $LANDING_ZONE_TOKEN)")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run")
    run.add_argument("run_id")
    deployment = commands.add_parser("deployment")
    deployment.add_argument("--environment", required=True)
    deployment.add_argument("--version", required=True)
    deployment.add_argument("--id", required=True, help="e.g. the CI run id")
    deployment.add_argument("--image-digest")
    retraining = commands.add_parser("retraining")
    retraining.add_argument("--trigger", required=True, choices=["schedule", "drift", "manual"])
    retraining.add_argument("--run-id", required=True)
    ci = commands.add_parser("ci-run")
    ci.add_argument("--status", required=True, choices=["success", "failure", "cancelled"])
    ci.add_argument("--commit", required=True)
    ci.add_argument("--workflow")
    ci.add_argument("--id", required=True)
    ci.add_argument("--image-digest", help="the digest of the image the run pushed")
    args = parser.parse_args(argv)

    if args.command == "run":
        collected = run_facts(args.run_id)
    elif args.command == "deployment":
        collected = [facts.deployment(args.environment, args.version, args.id, args.image_digest)]
    elif args.command == "ci-run":
        collected = [facts.ci_run(args.id, args.status, args.commit, args.workflow, args.image_digest)]
    else:
        collected = [facts.retraining(args.trigger, args.run_id)]
    try:
        result = facts.report(collected, args.url, args.token)
    except facts.FactReportError as error:
        print(error, file=sys.stderr)
        return 1
    print(json.dumps({"facts": len(collected), "result": result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
