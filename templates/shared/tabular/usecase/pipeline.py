"""The training pipeline: validate → train → evaluate → register. Each step is also a task in
pipeline/training-pipeline.yaml; running this module runs them all in one process."""
from __future__ import annotations

from typing import Optional

from .data import synthetic_dataset, validate
from .registry import ModelRegistry, registry_from_env
from .tracking import Tracker, tracker_from_env
from .train import train

MODEL_NAME = "${{ values.name }}"
MIN_AUC = 0.6


def run(tracker: Optional[Tracker] = None, registry: Optional[ModelRegistry] = None, min_auc: float = MIN_AUC) -> int:
    tracker = tracker or tracker_from_env(MODEL_NAME)
    registry = registry or registry_from_env()
    frame = validate(synthetic_dataset())
    run_id = tracker.start_run("training")
    result = train(frame)
    tracker.log_params(run_id, result.params)
    tracker.log_metrics(run_id, result.metrics)
    tracker.end_run(run_id)
    if result.metrics["auc"] < min_auc:
        raise RuntimeError(f"auc {result.metrics['auc']:.3f} below the gate {min_auc}; not registered")
    return registry.register(MODEL_NAME, result.model, result.metrics)


if __name__ == "__main__":
    print(f"registered version {run()}")
