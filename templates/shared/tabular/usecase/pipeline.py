"""The training pipeline: validate → train → evaluate → register, the steps of
pipeline/training-pipeline.yaml (one container each) and, with no arguments, all in one process:

    python -m usecase.pipeline                                   # laptop: synthetic data, local MLflow store
    python -m usecase.pipeline validate --input data.csv --output /tmp/valid.csv
    python -m usecase.pipeline train    --input /tmp/valid.csv --run-id-file /tmp/run-id
    python -m usecase.pipeline evaluate --run-id <id> --passed-file /tmp/passed
    python -m usecase.pipeline register --run-id <id>

One MLflow run holds the model, its params, holdout metrics, the dataset fingerprint and the
reference statistics. The gate judges the candidate and the current champion on the same
holdout; only a candidate at least as good (and above MIN_AUC) gets the champion alias.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Optional

import mlflow
from mlflow.models import infer_signature
from mlflow.tracking import MlflowClient

from . import data, reference
from .config import ROOT, tracking_config
from .facts import report_quietly
from .registry import ModelRegistry, NoChampion
from .report_facts import run_facts
from .tracking import configure, dataset_fingerprint
from .train import evaluate as evaluate_model
from .train import split, train as fit

log = logging.getLogger(__name__)
MODEL_NAME = "${{ values.name }}"
MIN_AUC = 0.6
GATE_SUITE = "champion-challenger-auc"
TRUSTED_TYPES = ["sklearn.tree._tree.Tree", "sklearn._loss.loss.HalfBinomialLoss", "sklearn._loss.link.LogitLink", "sklearn._loss.link.Interval"]


def validate_step(input_path: Optional[str], output_path: str) -> Path:
    frame = data.load(input_path) if input_path else data.synthetic_dataset()
    return data.save(data.validate(frame), output_path)


def train_step(input_path: str, trigger: str = "manual", model_name: Optional[str] = None, params: Optional[dict] = None) -> str:
    """Trains and logs everything in one run; returns the run id."""
    configure()
    frame = data.validate(data.load(input_path))
    training, holdout = split(frame)
    result = fit(frame, **(params or {}))
    with mlflow.start_run(run_name="training") as run, tempfile.TemporaryDirectory() as scratch:
        mlflow.log_params(result.params)
        mlflow.log_metrics(result.metrics)
        fingerprint = dataset_fingerprint(frame)
        mlflow.set_tags({"dataset_fingerprint": fingerprint, "trigger": trigger, "registered_model": model_name or tracking_config().model_name})
        mlflow.log_input(mlflow.data.from_pandas(frame, name="training", targets=data.TARGET), context="training")
        data.save(holdout, Path(scratch) / "holdout.csv")
        reference.write(reference.reference_statistics(training), Path(scratch))
        mlflow.log_artifacts(scratch)
        features = holdout[data.FEATURES].head(5).astype(float)
        info = mlflow.sklearn.log_model(
            result.model,
            name="model",
            # MLflow stores scikit-learn models with skops, which loads only types it is told to
            # trust; the gradient-boosted trees are this pipeline's own.
            skops_trusted_types=TRUSTED_TYPES,
            # The pinned requirements, rather than MLflow inferring them (slow, and less exact).
            pip_requirements=str(ROOT / "requirements.txt"),
            signature=infer_signature(features, result.model.predict_proba(features)),
            input_example=features,
        )
        mlflow.set_tag("model_uri", info.model_uri)
    return run.info.run_id


def evaluate_step(run_id: str, min_auc: float = MIN_AUC) -> bool:
    """The champion/challenger gate, recorded on the candidate's run as `gate.*` tags."""
    configure()
    client = MlflowClient()
    run = client.get_run(run_id)
    registry = ModelRegistry(run.data.tags.get("registered_model"))
    with tempfile.TemporaryDirectory() as scratch:
        holdout = data.load(mlflow.artifacts.download_artifacts(run_id=run_id, artifact_path="holdout.csv", dst_path=scratch))
    candidate = evaluate_model(mlflow.sklearn.load_model(run.data.tags["model_uri"]), holdout)["auc"]
    try:
        champion = evaluate_model(registry.load(), holdout)["auc"]
        client.log_metric(run_id, "champion_holdout_auc", champion)
    except NoChampion:
        champion = None
    threshold = max(min_auc, champion if champion is not None else min_auc)
    passed = candidate >= threshold
    client.log_metric(run_id, "candidate_holdout_auc", candidate)
    for key, value in {"gate.suite": GATE_SUITE, "gate.score": candidate, "gate.threshold": threshold, "gate.passed": str(passed).lower()}.items():
        client.set_tag(run_id, key, str(value))
    log.info("gate: candidate auc %.4f vs threshold %.4f (champion %s): %s", candidate, threshold, champion, "passed" if passed else "refused")
    return passed


def register_step(run_id: str) -> dict:
    """Registers the run's model; promotes it to champion only if the gate passed. Reports the facts."""
    configure()
    client = MlflowClient()
    run = client.get_run(run_id)
    if "gate.passed" not in run.data.tags:
        raise RuntimeError(f"run {run_id} has not been through the evaluate step")
    registry = ModelRegistry(run.data.tags.get("registered_model"))
    version = registry.register(run.data.tags["model_uri"])
    client.set_tag(run_id, "registered_version", version)
    promoted = run.data.tags["gate.passed"] == "true"
    if promoted:
        registry.promote(version)
    else:
        client.set_registered_model_alias(registry.model_name, "challenger", version)
    report_quietly(run_facts(run_id))
    return {"runId": run_id, "version": version, "promoted": promoted, "champion": registry.champion_version()}


def run(input_path: Optional[str] = None, trigger: str = "manual", model_name: Optional[str] = None, min_auc: float = MIN_AUC, params: Optional[dict] = None) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        valid = validate_step(input_path, str(Path(scratch) / "valid.csv"))
        run_id = train_step(str(valid), trigger, model_name, params)
    evaluate_step(run_id, min_auc)
    return register_step(run_id)


def main(argv=None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="python -m usecase.pipeline")
    steps = parser.add_subparsers(dest="step")
    validate = steps.add_parser("validate")
    validate.add_argument("--input", help="CSV or Parquet; synthetic rows when omitted")
    validate.add_argument("--output", required=True)
    train = steps.add_parser("train")
    train.add_argument("--input", required=True)
    train.add_argument("--trigger", default=os.environ.get("RETRAINING_TRIGGER", "manual"), choices=["schedule", "drift", "manual"])
    train.add_argument("--run-id-file", required=True)
    train.add_argument("--model-name", help="registered model (default: config/tracking.yaml)")
    evaluate = steps.add_parser("evaluate")
    evaluate.add_argument("--run-id", required=True)
    evaluate.add_argument("--passed-file", required=True)
    register = steps.add_parser("register")
    register.add_argument("--run-id", required=True)
    args = parser.parse_args(argv)

    if args.step == "validate":
        print(validate_step(args.input, args.output))
    elif args.step == "train":
        run_id = train_step(args.input, args.trigger, args.model_name)
        Path(args.run_id_file).write_text(run_id)
        print(run_id)
    elif args.step == "evaluate":
        Path(args.passed_file).write_text(str(evaluate_step(args.run_id)).lower())
    elif args.step == "register":
        print(register_step(args.run_id))
    else:
        print(run(trigger=os.environ.get("RETRAINING_TRIGGER", "manual")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
