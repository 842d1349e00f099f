"""Experiment tracking behind a small interface.

Production logs to MLflow (set TRACKING_BACKEND=mlflow and MLFLOW_TRACKING_URI); the default
writes runs as JSON files so tests and laptops need no server. MLflow is imported only when used.
"""
from __future__ import annotations

import json
import os
import time
import uuid
from pathlib import Path
from typing import Dict, Protocol


class Tracker(Protocol):
    def start_run(self, name: str) -> str: ...
    def log_params(self, run_id: str, params: Dict[str, object]) -> None: ...
    def log_metrics(self, run_id: str, metrics: Dict[str, float]) -> None: ...
    def end_run(self, run_id: str) -> None: ...


class LocalFileTracker:
    """One JSON file per run under `root/<experiment>/`."""

    def __init__(self, root: str | Path, experiment: str) -> None:
        self.dir = Path(root) / experiment
        self.dir.mkdir(parents=True, exist_ok=True)

    def _path(self, run_id: str) -> Path:
        return self.dir / f"{run_id}.json"

    def _read(self, run_id: str) -> dict:
        return json.loads(self._path(run_id).read_text())

    def _write(self, run_id: str, run: dict) -> None:
        self._path(run_id).write_text(json.dumps(run, indent=2, sort_keys=True))

    def start_run(self, name: str) -> str:
        run_id = uuid.uuid4().hex
        self._write(run_id, {"name": name, "params": {}, "metrics": {}, "status": "RUNNING", "start": time.time()})
        return run_id

    def log_params(self, run_id: str, params: Dict[str, object]) -> None:
        run = self._read(run_id)
        run["params"].update({k: str(v) for k, v in params.items()})
        self._write(run_id, run)

    def log_metrics(self, run_id: str, metrics: Dict[str, float]) -> None:
        run = self._read(run_id)
        run["metrics"].update({k: float(v) for k, v in metrics.items()})
        self._write(run_id, run)

    def end_run(self, run_id: str) -> None:
        run = self._read(run_id)
        run["status"] = "FINISHED"
        self._write(run_id, run)

    def get_run(self, run_id: str) -> dict:
        return self._read(run_id)


class MlflowTracker:
    """The production path: the real MLflow client, imported lazily."""

    def __init__(self, experiment: str) -> None:
        import mlflow  # noqa: PLC0415 - optional dependency, only in the production image

        self._mlflow = mlflow
        mlflow.set_experiment(experiment)

    def start_run(self, name: str) -> str:
        return self._mlflow.start_run(run_name=name).info.run_id

    def log_params(self, run_id: str, params: Dict[str, object]) -> None:
        self._mlflow.log_params(params)

    def log_metrics(self, run_id: str, metrics: Dict[str, float]) -> None:
        self._mlflow.log_metrics(metrics)

    def end_run(self, run_id: str) -> None:
        self._mlflow.end_run()


def tracker_from_env(experiment: str) -> Tracker:
    if os.environ.get("TRACKING_BACKEND", "local") == "mlflow":
        return MlflowTracker(experiment)
    return LocalFileTracker(os.environ.get("TRACKING_DIR", "mlruns-local"), experiment)
